package dev.converge.dialect.mysql.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.mysql.testing.LocalMysql;
import dev.converge.engine.spi.HistoryEntry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MysqlHistoryStoreTest {
    private final MysqlHistoryStore store = new MysqlHistoryStore();

    @Test
    void entriesAreKeptPerTargetDatabaseNewestFirst() throws Exception {
        try (LocalMysql a = LocalMysql.create("hist"); LocalMysql b = LocalMysql.create("hist");
             Connection ca = a.connect(); Connection cb = b.connect()) {
            assertTrue(store.list(ca, 10).isEmpty() || store.list(ca, 10).stream().noneMatch(e -> e.desiredHash().equals("h1")));
            store.ensure(ca);
            long first = store.record(ca, new HistoryEntry(0, Instant.parse("2026-01-01T00:00:00Z"), "root", "h1", "{}", "applied", 5));
            long second = store.record(ca, new HistoryEntry(0, Instant.parse("2026-01-02T00:00:00Z"), "root", "h2", "{}", "converged", 7));
            store.ensure(cb);
            store.record(cb, new HistoryEntry(0, Instant.now(), "root", "other", "{}", "applied", 1));
            List<HistoryEntry> entries = store.list(ca, 10);
            assertEquals(List.of(second, first), entries.stream().map(HistoryEntry::id).toList());
            assertEquals("h2", entries.get(0).desiredHash());
            assertEquals(Instant.parse("2026-01-01T00:00:00Z"), entries.get(1).appliedAt());
        }
    }

    /**
     * The bulk read of a fleet plan and of the report (a window function: MariaDB 10.2+, MySQL 8) gives
     * each target of one environment what listFor gives it, and only for this database.
     */
    @Test
    void theRecentAppliesOfEveryTargetAreReadAtOnce() throws Exception {
        try (LocalMysql a = LocalMysql.create("histbulk"); LocalMysql b = LocalMysql.create("histbulk");
             Connection ca = a.connect(); Connection cb = b.connect()) {
            store.ensure(ca);
            store.ensure(cb);
            Instant t = Instant.parse("2026-01-02T03:04:05Z");
            for (int i = 0; i < 3; i++) {
                store.record(ca, tenantEntry(t, "acme", "a" + i, HistoryEntry.CONVERGED));
                store.record(ca, tenantEntry(t, "beta", "b" + i, HistoryEntry.CONVERGED));
            }
            store.record(ca, tenantEntry(t, "acme", "a3", HistoryEntry.ROLLED_BACK));
            store.record(cb, tenantEntry(t, "acme", "other database", HistoryEntry.CONVERGED));

            var recent = store.recentByTarget(ca, "prod", 2, false);
            assertEquals(java.util.Set.of("acme", "beta"), recent.keySet());
            assertEquals(store.listFor(ca, "prod", "acme", 2), recent.get("acme"));
            assertEquals(List.of("a3", "a2"), recent.get("acme").stream().map(HistoryEntry::desiredHash).toList());
            assertEquals(List.of("a2"), store.recentByTarget(ca, "prod", 1, true).get("acme").stream()
                    .map(HistoryEntry::desiredHash).toList(), "the rolled-back apply is skipped");
        }
    }

    private static HistoryEntry tenantEntry(Instant at, String target, String hash, String status) {
        return new HistoryEntry(0, at, "root", hash, "{}", status, 1, status, null, "prod", target, null, null);
    }

    /**
     * The bookkeeping database is shared by every database of a server, so parallel applies (a fleet
     * of tenant databases, the corpus harness with -j 2) prepare it at the same time; two that both
     * found a column missing both added it ("Duplicate column name 'environment'"). ensure() now
     * waits for the server-wide named lock: held here by another session, ensure() must not finish.
     */
    @Test
    void concurrentEnsureCallsAreSerialisedByANamedLock() throws Exception {
        try (LocalMysql db = LocalMysql.create("hist"); Connection holder = db.connect(); Connection other = db.connect()) {
            try (Statement st = holder.createStatement();
                 ResultSet rs = st.executeQuery("SELECT GET_LOCK('converge.history.ensure', 5)")) {
                assertTrue(rs.next() && rs.getInt(1) == 1);
            }
            CompletableFuture<Void> ensure = CompletableFuture.runAsync(() -> {
                try {
                    store.ensure(other);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(700);
            assertFalse(ensure.isDone(), "ensure() ran while another session held the history lock");
            try (Statement st = holder.createStatement()) {
                st.execute("SELECT RELEASE_LOCK('converge.history.ensure')");
            }
            ensure.get(30, TimeUnit.SECONDS);
        }
    }
}
