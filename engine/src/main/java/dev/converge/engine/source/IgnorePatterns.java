package dev.converge.engine.source;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * IgnorePatterns are the project's list of objects other tools own: glob patterns ({@code *} any
 * run of characters, {@code ?} one) matched against an object's own name ({@code audit_*}) or its
 * schema-qualified name ({@code sales.tmp_*}). An object inside a table is ignored with its table.
 * They come from {@code --ignore PATTERN} and from a {@code .convergeignore} file in the desired
 * directory (one pattern a line, {@code #} starts a comment).
 */
public final class IgnorePatterns {
    public static final String FILE_NAME = ".convergeignore";

    private IgnorePatterns() {
    }

    static boolean matches(List<String> patterns, ObjectRef ref) {
        if (patterns.isEmpty()) {
            return false;
        }
        ObjectRef object = ref.member().isEmpty() ? ref : ref.owner();
        String name = object.kind() == ObjectKind.SCHEMA ? object.name().schema() : object.name().name();
        String qualified = object.kind() == ObjectKind.SCHEMA ? name : object.name().toString();
        return patterns.stream().map(IgnorePatterns::regex)
                .anyMatch(p -> p.matcher(name).matches() || p.matcher(qualified).matches());
    }

    /** The patterns of {@code dir/.convergeignore}, or none when there is no such file. */
    public static List<String> read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream()
                    .map(line -> line.replaceAll("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Pattern regex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
