package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code apply --phase expand --backfill-progress json}: each committed batch of the backfill is one JSON
 * object on a line of standard error, with running counts (then one saying done) and no row value; standard output keeps the
 * apply's own report without the text progress lines.
 */
class BackfillJsonProgressTest {
    @Test
    void eachBatchIsAJsonLineWithRunningCounts() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("backfill_json")) {
            String url = Cli.url(db);
            Cli.withServerShadow("apply", url, RenameRollout.EXAMPLE.resolve("v1").toString(),
                    "--auto-approve").expectExit(0);
            try (Connection c = db.connect();
                 PreparedStatement st = c.prepareStatement("INSERT INTO people VALUES (?, ?)")) {
                for (int id = 1; id <= 50; id++) {
                    st.setLong(1, id);
                    st.setString(2, "secret name " + id);
                    st.addBatch();
                }
                st.executeBatch();
            }

            Cli.Result expand = Cli.withServerShadow("apply", url, RenameRollout.EXAMPLE.resolve("v2").toString(),
                    "--phase", "expand", "--auto-approve", "--backfill-batch", "20",
                    "--backfill-progress", "json").expectExit(0);
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> events = new ArrayList<>();
            for (String line : expand.err().split("\\R")) {
                if (line.startsWith("{")) {
                    events.add(json.readTree(line));
                }
            }
            // One line per committed batch of 20 over 50 rows, then the task's last word: done.
            assertEquals(4, events.size(), expand.all());
            JsonNode last = events.get(3);
            assertEquals("backfill", last.get("event").asText());
            assertEquals("public.people.full_name -> display_name", last.get("task").asText());
            assertEquals(3, last.get("batches").asLong());
            assertEquals(50, last.get("rows").asLong());
            assertTrue(last.get("done").asBoolean(), last.toString());
            for (int batch = 1; batch <= 3; batch++) {
                JsonNode event = events.get(batch - 1);
                assertEquals(batch, event.get("batches").asLong(), event.toString());
                assertEquals(Math.min(50, 20 * batch), event.get("rows").asLong(), event.toString());
                assertFalse(event.get("done").asBoolean(), event.toString());
            }
            assertFalse(expand.out().contains("Backfill public.people"), "no text progress beside the JSON: " + expand.out());
            assertFalse(expand.all().contains("secret name"), "no row value is printed: " + expand.all());
        }
    }
}
