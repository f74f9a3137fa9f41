package dev.converge.engine.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 14: counts are written in the right number ("1 error", never "1 errors" nor "1
 * target(s)"), by Plural, everywhere the engine and the CLI write one.
 */
class PluralFormsTest {
    /** A literal with "(s)", or a size glued to a plural noun in a literal: {@code size() + " steps"}. */
    private static final Pattern GUESSED_PLURAL = Pattern.compile(
            "\"[^\"\\n]*\\w\\((?:s|es)\\)[^\"\\n]*\"|(?:size\\(\\)|count\\([^)]*\\))\\s*\\+\\s*\" [a-z]+s\\b");

    @Test
    void pluralHelperAgreesWithTheCount() {
        assertEquals("1 error", Plural.count(1, "error"));
        assertEquals("0 errors", Plural.count(0, "error"));
        assertEquals("2 objects are", Plural.count(2, "object is", "objects are"));
        assertEquals("target", Plural.noun(1, "target"));
        assertEquals("targets", Plural.noun(3, "target"));
    }

    @Test
    void noMessageGuessesItsPlural() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../cli/src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (GUESSED_PLURAL.matcher(lines.get(i)).find()) {
                            found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "write counts with Plural.count");
    }
}
