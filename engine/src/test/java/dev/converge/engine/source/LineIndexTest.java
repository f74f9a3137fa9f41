package dev.converge.engine.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineIndexTest {
    @Test
    void givesTheSameSpansAsTheFileItself() {
        SourceFile file = new SourceFile("a.sql", "create table t (\n  id int\r\n);\n\nx");
        LineIndex index = new LineIndex(file);
        for (int offset = -1; offset <= file.text().length() + 1; offset++) {
            assertEquals(file.spanAt(offset), index.spanAt(offset), "offset " + offset);
        }
    }
}
