package dev.converge.engine.diag;

import java.util.List;
import java.util.stream.Collectors;

/**
 * BadInputException carries every problem found in the desired-state files, sorted by file and
 * line, so that one run shows them all. Exit code 65.
 */
public final class BadInputException extends ConvergeException {
    private final List<Diagnostic> diagnostics;

    public BadInputException(List<Diagnostic> diagnostics) {
        super(ErrorKind.BAD_INPUT, summarize(diagnostics));
        this.diagnostics = diagnostics.stream().sorted().toList();
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The full report: every diagnostic block, then a count. */
    public String render() {
        String blocks = diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining());
        int n = diagnostics.size();
        return blocks + Plural.count(n, "error") + " in the desired state; nothing was changed.\n";
    }

    private static String summarize(List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a BadInputException needs at least one diagnostic");
        }
        Diagnostic first = diagnostics.stream().sorted().findFirst().orElseThrow();
        return first.span() + ": " + first.message();
    }
}
