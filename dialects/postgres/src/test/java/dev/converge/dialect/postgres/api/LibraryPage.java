package dev.converge.dialect.postgres.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * docs/library.md as the example tests check it: each snippet between {@code // tag::NAME[]} and
 * {@code // end::NAME[]} of a test's source appears in the page verbatim, without the test's indentation.
 */
final class LibraryPage {
    private static final Path PAGE = Path.of("../../docs/library.md");
    private static final Path SOURCES = Path.of("src/test/java/dev/converge/dialect/postgres/api");

    private LibraryPage() {
    }

    /** Fails naming the first of {@code tags} of {@code testClass}'s source that the page lacks. */
    static void assertShows(Class<?> testClass, List<String> tags) throws IOException {
        String source = Files.readString(SOURCES.resolve(testClass.getSimpleName() + ".java"), StandardCharsets.UTF_8);
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        for (String tag : tags) {
            String snippet = snippet(source, tag);
            assertTrue(page.contains(snippet), "docs/library.md lacks the example '" + tag + "':\n" + snippet);
        }
    }

    /** The lines between the tags, without their common indentation. */
    static String snippet(String source, String tag) {
        String start = "// tag::" + tag + "[]\n";
        int from = source.indexOf(start);
        assertTrue(from >= 0, "no example tagged " + tag);
        int to = source.indexOf("// end::" + tag + "[]", from);
        List<String> lines = source.substring(from + start.length(), to).stripTrailing().lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n'));
        return out.toString().stripTrailing();
    }

    /** Writes {@code text} to {@code relative} under {@code dir}, creating its directories. */
    static Path write(Path dir, String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
