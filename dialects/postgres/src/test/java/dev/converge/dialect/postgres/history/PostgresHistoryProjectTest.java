package dev.converge.dialect.postgres.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.spi.HistoryEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tenant schemas share one history table: each row names its environment and target, with the desired snapshot. */
class PostgresHistoryProjectTest {
    private final PostgresHistoryStore store = new PostgresHistoryStore();

    @Test
    void entriesOfOneTargetAreListedApartFromTheOthers() throws SQLException {
        try (LocalPostgres db = LocalPostgres.create("histproj"); Connection c = db.connect()) {
            assertEquals(List.of(), store.listFor(c, "prod", "acme", 5), "no history table yet");
            store.ensure(c);
            Instant t = Instant.parse("2026-01-02T03:04:05Z");
            store.record(c, entry(t, "prod", "acme", "h1", "{\"schemas\": []}", null));
            store.record(c, entry(t, "prod", "beta", "h1", "{\"schemas\": []}", null));
            long third = store.record(c, entry(t, "prod", "acme", "h2", "{\"tables\": []}", "promotion check skipped"));
            store.record(c, entry(t, "staging", "acme", "h2", null, null));
            List<HistoryEntry> acme = store.listFor(c, "prod", "acme", 10);
            assertEquals(2, acme.size());
            assertEquals(third, acme.get(0).id());
            assertEquals("h2", acme.get(0).desiredHash());
            assertEquals("{\"tables\": []}", acme.get(0).desiredSnapshot());
            assertEquals("promotion check skipped", acme.get(0).note());
            assertEquals("prod", acme.get(0).environment());
            assertEquals("acme", acme.get(0).target());
            assertTrue(acme.get(0).succeeded());
            assertEquals(1, store.listFor(c, "prod", "acme", 1).size());
            assertEquals(4, store.list(c, 10).size());
            store.record(c, new HistoryEntry(0, t, "app", "h3", "{}", "failed at step 1", 1, HistoryEntry.ROLLED_BACK,
                    null, "prod", "acme", null, null));
            assertEquals(HistoryEntry.ROLLED_BACK, store.listFor(c, "prod", "acme", 1).get(0).status());
            assertEquals(third, store.lastSucceeded(c, "prod", "acme").orElseThrow().id(), "a failure is not a success");
            assertTrue(store.lastSucceeded(c, "dev", "acme").isEmpty());
            store.ensure(c);
            assertEquals(3, store.listFor(c, "prod", "acme", 10).size(), "ensure again keeps the rows");
        }
    }

    /** The bulk read a fleet plan and the report use gives each target what listFor and lastSucceeded give. */
    @Test
    void theRecentAppliesOfEveryTargetAreReadAtOnce() throws SQLException {
        try (LocalPostgres db = LocalPostgres.create("histbulk"); Connection c = db.connect()) {
            assertEquals(Map.of(), store.recentByTarget(c, "prod", 3, false), "no history table yet");
            store.ensure(c);
            Instant t = Instant.parse("2026-01-02T03:04:05Z");
            for (int i = 0; i < 4; i++) {
                store.record(c, entry(t, "prod", "acme", "a" + i, null, null));
                store.record(c, entry(t, "prod", "beta", "b" + i, null, null));
            }
            store.record(c, new HistoryEntry(0, t, "app", "a4", "{}", "failed at step 1", 1, HistoryEntry.ROLLED_BACK,
                    null, "prod", "acme", null, null));
            store.record(c, entry(t, "staging", "gamma", "g0", null, null));

            Map<String, List<HistoryEntry>> recent = store.recentByTarget(c, "prod", 3, false);
            assertEquals(Set.of("acme", "beta"), recent.keySet(), "only prod's targets");
            for (String target : List.of("acme", "beta")) {
                assertEquals(store.listFor(c, "prod", target, 3), recent.get(target), target);
            }
            assertEquals(List.of("a4", "a3", "a2"), recent.get("acme").stream().map(HistoryEntry::desiredHash).toList());
            Map<String, List<HistoryEntry>> succeeded = store.recentByTarget(c, "prod", 1, true);
            assertEquals(List.of(store.lastSucceeded(c, "prod", "acme").orElseThrow()), succeeded.get("acme"),
                    "the rolled-back apply is skipped");
            assertEquals("a3", succeeded.get("acme").get(0).desiredHash());
        }
    }

    private static HistoryEntry entry(Instant at, String env, String target, String hash, String snapshot, String note) {
        return new HistoryEntry(0, at, "app", hash, "{}", "converged", 1, HistoryEntry.CONVERGED, null, env, target,
                snapshot, note);
    }
}
