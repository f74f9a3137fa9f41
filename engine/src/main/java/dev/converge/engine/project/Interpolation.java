package dev.converge.engine.project;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interpolation replaces {@code ${env:NAME}} in a configuration value with the value of the
 * environment variable NAME. An unset (or empty) variable is a usage error naming the variable and
 * the place in converge.yaml; the value itself is never part of any message, since it is usually a
 * URL with a password.
 */
public final class Interpolation {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern MALFORMED = Pattern.compile("\\$\\{(?!env:[A-Za-z_][A-Za-z0-9_]*})[^}]*}?");

    private Interpolation() {
    }

    public static String resolve(ConfigValue value, UnaryOperator<String> environment) {
        Matcher bad = MALFORMED.matcher(value.raw());
        if (bad.find()) {
            throw new ConvergeException(ErrorKind.USAGE, value.span() + ": '" + bad.group()
                    + "' is not a variable reference Converge understands; write ${env:NAME}");
        }
        Matcher m = REFERENCE.matcher(value.raw());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String resolved = environment.apply(name);
            if (resolved == null || resolved.isEmpty()) {
                throw new ConvergeException(ErrorKind.USAGE, value.span() + ": environment variable " + name
                        + " is not set; converge.yaml takes this value from it (export " + name + "=...)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        m.appendTail(out);
        return out.toString();
    }
}
