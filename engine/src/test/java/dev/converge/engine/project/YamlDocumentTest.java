package dev.converge.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.SourceSpan;
import org.junit.jupiter.api.Test;

/** converge.yaml keeps every key's and value's place, so that any problem is reported at file:line:col. */
class YamlDocumentTest {
    private static final String TEXT = "dialect: postgres\n"
            + "environments:\n"
            + "  prod/eu:\n"
            + "    url: postgresql://db/app\n"
            + "    schemas: [app, audit]\n";

    @Test
    void valuesAndKeysKeepWhereTheyStart() {
        YamlDocument doc = YamlDocument.parse("converge.yaml", TEXT);
        String env = "/environments/" + YamlDocument.escape("prod/eu");
        assertEquals("postgresql://db/app", doc.root().at(env + "/url").asText());
        assertEquals(new SourceSpan("converge.yaml", 4, 10), doc.valueSpan(env + "/url"));
        assertEquals(new SourceSpan("converge.yaml", 3, 3), doc.keySpan(env));
        assertEquals(new SourceSpan("converge.yaml", 5, 20), doc.valueSpan(env + "/schemas/1"));
        assertEquals(new SourceSpan("converge.yaml", 1, 1), doc.valueSpan("/nowhere"), "unknown: the file's start");
    }

    @Test
    void aSyntaxErrorIsAtItsPlace() {
        BadInputException bad = assertThrows(BadInputException.class,
                () -> YamlDocument.parse("converge.yaml", "dialect: postgres\nenvironments: [prod\n"));
        assertEquals("converge.yaml", bad.diagnostics().get(0).span().file());
        assertEquals(true, bad.diagnostics().get(0).span().line() >= 2, bad.render());
    }
}
