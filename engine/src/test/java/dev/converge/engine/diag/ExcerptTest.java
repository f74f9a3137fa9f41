package dev.converge.engine.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.source.SourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, item 9: NUL bytes are bad input with their position; a huge line is clipped around the column. */
class ExcerptTest {
    @TempDir
    Path dir;

    @Test
    void aNulByteIsBadInputAtItsPosition() throws IOException {
        Files.writeString(dir.resolve("a.sql"), "CREATE TABLE t (id int);\nCREATE TABLE u (x\0 int);\n");
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> SourceSet.load(dir));
        assertEquals(ErrorKind.BAD_INPUT, e.kind());
        String shown = e.render();
        assertTrue(shown.startsWith(dir + "/a.sql:2:18: error: a NUL byte (\\0) in the file\n"), shown);
        assertTrue(shown.contains("  CREATE TABLE u (x  int);\n                   ^\n"), shown);
    }

    @Test
    void aHugeLineIsClippedAroundTheColumn() {
        String line = "SELECT 1" + " ".repeat(155_000) + "oops";
        Diagnostic d = new Diagnostic(new SourceSpan("big.sql", 1, 155_009), "syntax error at 'oops'", line, null);
        String shown = d.render();
        assertTrue(shown.length() < 400, "clipped: " + shown.length() + " characters");
        String[] lines = shown.split("\n");
        assertTrue(lines[1].endsWith("oops"), lines[1]);
        assertEquals(lines[1].indexOf("oops"), lines[2].indexOf('^'), "the caret under the column:\n" + shown);
    }

    @Test
    void aShortLineIsShownWhole() {
        Diagnostic d = new Diagnostic(new SourceSpan("a.sql", 3, 7), "x", "total moneyy NOT NULL,", null);
        assertEquals("a.sql:3:7: error: x\n  total moneyy NOT NULL,\n        ^\n", d.render());
    }
}
