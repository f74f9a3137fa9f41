package dev.converge.engine.workflow;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.Shadow;
import dev.converge.engine.spi.ShadowSpec;
import java.util.List;

/**
 * ShadowSelection opens the shadow the desired files load into, and makes sure, before anything is
 * loaded, that its server has the extensions the files create (an embedded PostgreSQL has no
 * PostGIS). When it lacks one and nobody chose the shadow, the target's server is used instead if
 * it has them all, and the description says so and why; otherwise the answer names each missing
 * extension, where the files create it, and how to proceed.
 */
final class ShadowSelection {
    private ShadowSelection() {
    }

    /** An open shadow and the description of it that messages show. */
    record Opened(Shadow shadow, String description) implements AutoCloseable {
        @Override
        public void close() {
            shadow.close();
        }
    }

    static Opened open(Dialect dialect, ShadowSpec spec, DatabaseUrl target, ServerVersion version,
                       SourceModel source, long desiredBytes) {
        return open(dialect, spec, target, version, source, dialect.shadows().open(spec, target, version, desiredBytes),
                () -> { });
    }

    /**
     * The same, with the shadow {@code spec} chose already open ({@link EarlyShadow}); closed if it
     * will not do. {@code filesChecked} runs before the target's server is used instead, and throws
     * when the files are wrong: bad input never touches a server, even while it is still being parsed.
     */
    static Opened open(Dialect dialect, ShadowSpec spec, DatabaseUrl target, ServerVersion version,
                       SourceModel source, Shadow shadow, Runnable filesChecked) {
        List<Diagnostic> missing = unavailable(dialect, shadow, source);
        if (missing.isEmpty()) {
            return new Opened(shadow, shadow.description());
        }
        String lacking = shadow.description();
        shadow.close();
        if (spec.byDefault() && spec.mode() != ShadowSpec.Mode.SERVER && target != null) {
            filesChecked.run();
            Shadow onTarget = dialect.shadows().open(ShadowSpec.SERVER, target, version);
            List<Diagnostic> stillMissing = unavailable(dialect, onTarget, source);
            if (stillMissing.isEmpty()) {
                return new Opened(onTarget, onTarget.description() + ", chosen because " + lacking + " lacks "
                        + names(missing));
            }
            lacking = onTarget.description();
            missing = stillMissing;
            onTarget.close();
        }
        throw new BadInputException(withHowToProceed(missing, lacking));
    }

    private static List<Diagnostic> unavailable(Dialect dialect, Shadow shadow, SourceModel source) {
        try {
            return dialect.loader().unavailableExtensions(shadow.connection(), source);
        } catch (RuntimeException e) {
            shadow.close();
            throw e;
        }
    }

    private static String names(List<Diagnostic> missing) {
        return "the extension" + (missing.size() == 1 ? " " : "s ")
                + String.join(", ", missing.stream().map(Diagnostic::message).map(ShadowSelection::quotedName).toList());
    }

    /* The loader's message begins with the extension's name in quotes: extension "postgis" is ... */
    private static String quotedName(String message) {
        int open = message.indexOf('"');
        int close = message.indexOf('"', open + 1);
        return open < 0 || close < 0 ? message : message.substring(open, close + 1);
    }

    private static List<Diagnostic> withHowToProceed(List<Diagnostic> missing, String lacking) {
        return missing.stream().map(d -> new Diagnostic(d.span(), d.message() + " in the shadow (" + lacking + ")",
                d.sourceLine(), "load the files where it is installed: --shadow server (a throwaway database on the"
                        + " target's server), --dev-url URL (an empty database whose server has it), or the same"
                        + " choice in converge.yaml; or install it on that server" + (d.hint() == null ? ""
                        : " (" + d.hint() + ")"))).toList();
    }
}
