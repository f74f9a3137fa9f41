package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** converge lint against a real target: rules over the desired state and the plan, text and SARIF, per-rule config. */
class LintCliTest {
    @TempDir
    Path dir;

    private LocalPostgres db;

    @BeforeEach
    void createTarget() throws IOException {
        db = LocalPostgres.create("cli_lint");
        db.execute("CREATE TABLE item (id int PRIMARY KEY, legacy text);");
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE item (id int PRIMARY KEY);"
                + " CREATE TABLE log (at timestamp, item_id int REFERENCES item (id));");
    }

    @AfterEach
    void dropTarget() {
        db.close();
    }

    @Test
    void textReportFindsSchemaHabitsAndPlanHazardsAndFailsOnErrors() {
        Cli.Result r = lint().expectExit(1);
        assertTrue(r.out().contains("warning: table public.log has no primary key [no-primary-key]"), r.all());
        assertTrue(r.out().contains("[fk-without-index]"), r.all());
        assertTrue(r.out().contains("warning: column public.log.at is timestamp without time zone"), r.all());
        assertTrue(r.out().contains("error: step "), r.all());
        assertTrue(r.out().contains("[hazard-data-loss]"), r.all());
    }

    @Test
    void sarifReportIsValidJsonWithRulesAndResults() throws IOException {
        Cli.Result r = lint("--format", "sarif", "--rule", "hazard-data-loss=warning").expectExit(0);
        JsonNode sarif = new ObjectMapper().readTree(r.out());
        assertEquals("2.1.0", sarif.get("version").asText());
        JsonNode run = sarif.get("runs").get(0);
        assertEquals("converge", run.get("tool").get("driver").get("name").asText());
        assertTrue(run.get("results").size() >= 4, r.out());
        JsonNode noPrimaryKey = null;
        for (JsonNode result : run.get("results")) {
            if (result.get("ruleId").asText().equals("no-primary-key")) {
                noPrimaryKey = result;
            }
        }
        JsonNode physical = noPrimaryKey.get("locations").get(0).get("physicalLocation");
        assertTrue(physical.get("artifactLocation").get("uri").asText().endsWith("schema.sql"), r.out());
        assertEquals(1, physical.get("region").get("startLine").asInt(), r.out());
        for (JsonNode result : run.get("results")) {
            int index = result.get("ruleIndex").asInt();
            assertEquals(result.get("ruleId").asText(), run.get("tool").get("driver").get("rules").get(index).get("id").asText());
        }
    }

    @Test
    void anUnknownRuleIsAUsageError() {
        Cli.Result r = lint("--rule", "no-such-rule=off").expectExit(64);
        assertTrue(r.err().contains("expected ID=SEVERITY with ID one of"), r.all());
    }

    private Cli.Result lint(String... more) {
        String[] args = new String[6 + more.length];
        System.arraycopy(new String[] {"lint", "--url", Cli.url(db), "--desired", dir.toString(), "--shadow=server"},
                0, args, 0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        return Cli.run(args);
    }
}
