package dev.converge.dialect.postgres.parse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.source.SourceFile;
import dev.converge.engine.source.SqlStatement;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A seeded random mutation test of the lexer, splitter, parser and load ordering over the
 * convergence cases' SQL: whatever the mutation, the result is statements or diagnostics, never
 * another exception. Bounded by an iteration count (not wall time), so it runs the same everywhere;
 * -Dconverge.fuzz.iterations=N searches longer. A failure prints the seed and the input.
 */
class ParserFuzzTest {
    private static final long SEED = 20261121L;
    private static final String COMMON = "common.sql";
    private static final int ITERATIONS = Integer.getInteger("converge.fuzz.iterations", 3000);
    private static final String[] FRAGMENTS = {"(", ")", ",", ";", "'", "\"", "$$", "$a$", "--", "/*", "*/", "::",
        "[", "]", ".", "create ", "table ", "alter ", "references ", "check (", "default ", "not null", "begin atomic ",
        "end", "`", "\\", "\n", "-- converge:renamed-from ", "-- converge:", "E'\\'", "U&\"", "\u00e9", "\uD83D\uDE00",
        "((((((((((", "select * from ", "constraint ", "primary key", "enum ("};

    @Test
    void mutatedSqlOnlyEverYieldsStatementsOrDiagnostics() throws IOException, URISyntaxException {
        List<String> corpus = corpus();
        assertFalse(corpus.isEmpty(), "no corpus found");
        Random random = new Random(SEED);
        PostgresStatementSplitter splitter = new PostgresStatementSplitter();
        PostgresDesiredLoader loader = new PostgresDesiredLoader();
        for (int i = 0; i < ITERATIONS; i++) {
            String input = mutate(corpus.get(random.nextInt(corpus.size())), random);
            try {
                List<SqlStatement> statements = splitter.split(new SourceFile("fuzz.sql", input));
                loader.parse(statements);
            } catch (BadInputException expected) {
                expected.render(); // the diagnostics themselves must render too
            } catch (RuntimeException | StackOverflowError e) {
                fail("iteration " + i + " (seed " + SEED + ") crashed with " + e + " on input:\n" + input, e);
            }
        }
    }

    private static String mutate(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(12)));
                case 1 -> s.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                case 2 -> s.insert(at, (char) random.nextInt(128));
                default -> {
                    // Swap two slices: statements out of order, halves of a statement crossed.
                    int other = s.length() == 0 ? 0 : random.nextInt(s.length());
                    int from = Math.min(at, other);
                    int to = Math.max(at, other);
                    String slice = s.substring(from, to);
                    s.delete(from, to).append(slice);
                }
            }
        }
        return s.toString();
    }

    private static List<String> corpus() throws IOException, URISyntaxException {
        Path root = Path.of(ParserFuzzTest.class.getClassLoader().getResource("convergence").toURI());
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                // A case's common.sql is the start of both its states, so it is read as such.
                Path common = f.resolveSibling(COMMON);
                if (!f.getFileName().toString().equals(COMMON)) {
                    texts.add((Files.exists(common) ? Files.readString(common) : "") + Files.readString(f));
                }
            }
        }
        return texts;
    }
}
