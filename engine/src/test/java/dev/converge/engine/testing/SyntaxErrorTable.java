package dev.converge.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * SyntaxErrorTable is a dialect's table of malformed statements and the exact message, place and hint
 * each gets (in the manner of Trino's parser tests), kept as a text resource so that each dialect's
 * table is only its cases and both are checked by the same harness. A case is the statement (one or
 * more lines), then the diagnostic (the line starting with {@code t.sql:}), then an optional line
 * {@code hint: ...}; a blank line ends it, and lines starting with {@code #} are comments.
 */
public final class SyntaxErrorTable {
    private static final String FILE = "t.sql";
    private static final String HINT = "hint: ";

    /** One malformed statement and what must be said of it; {@code hint} is null where none is given. */
    public record Case(String sql, String expected, String hint) {
        /**
         * Parses the statement as the file t.sql (with the ';' and line end a file would have) and
         * checks that the one problem reported is {@code expected}, with exactly {@code hint}.
         */
        public void assertExact(Consumer<SourceFile> parse) {
            Diagnostic d = onlyProblem(parse, new SourceFile(FILE, sql + ";\n"));
            assertEquals(expected, d.span() + ": error: " + d.message());
            assertEquals(hint, d.hint());
        }

        /** The statement: what the parameterized test is named by. */
        @Override
        public String toString() {
            return sql;
        }
    }

    private SyntaxErrorTable() {
    }

    /** The cases of the table at {@code resource} on {@code owner}'s class path, in file order. */
    public static List<Case> read(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the test class path");
            }
            List<Case> cases = parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (cases.isEmpty()) {
                throw new IllegalStateException(resource + " holds no case");
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> parse(String name, String text) {
        List<Case> cases = new ArrayList<>();
        List<String> sql = new ArrayList<>();
        String expected = null;
        String hint = null;
        List<String> lines = new ArrayList<>(text.lines().toList());
        lines.add(""); // the last case ends like any other
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                if (expected != null) {
                    cases.add(new Case(String.join("\n", sql), expected, hint));
                } else if (!sql.isEmpty()) {
                    throw new IllegalStateException(name + ":" + i + ": a case without a line starting with " + FILE + ":");
                }
                sql.clear();
                expected = null;
                hint = null;
            } else if (expected == null && line.startsWith(FILE + ":")) {
                expected = line;
            } else if (expected == null) {
                sql.add(line);
            } else if (hint == null && line.startsWith(HINT)) {
                hint = line.substring(HINT.length());
            } else {
                throw new IllegalStateException(name + ":" + (i + 1) + ": expected a hint or a blank line, found: " + line);
            }
        }
        return cases;
    }

    /** The one diagnostic that parsing {@code file} throws. */
    public static Diagnostic onlyProblem(Consumer<SourceFile> parse, SourceFile file) {
        BadInputException e = assertThrows(BadInputException.class, () -> parse.accept(file));
        assertEquals(1, e.diagnostics().size(), e::render);
        return e.diagnostics().get(0);
    }
}
