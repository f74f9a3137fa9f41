package dev.converge.dialect.postgres.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.spi.HistoryEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PostgresHistoryStoreTest {
    private final PostgresHistoryStore store = new PostgresHistoryStore();

    @Test
    void ensureTwiceRecordAndListNewestFirst() throws SQLException {
        try (LocalPostgres db = LocalPostgres.create("history"); Connection c = db.connect()) {
            assertEquals(List.of(), store.list(c, 10), "no history before the first apply");
            store.ensure(c);
            store.ensure(c);
            Instant t1 = Instant.parse("2024-05-01T10:15:30.123456Z");
            Instant t2 = Instant.parse("2024-05-02T08:00:00Z");
            long first = store.record(c, new HistoryEntry(0, t1, "app", "sha256:aa", "{\"steps\": []}", "converged", 12));
            long second = store.record(c, new HistoryEntry(0, t2, "app", "sha256:bb",
                    "{\"steps\": [{\"sql\": \"CREATE TABLE t ()\"}]}", "failed: boom", 345));
            assertTrue(second > first);

            List<HistoryEntry> all = store.list(c, 10);
            assertEquals(List.of(
                    new HistoryEntry(second, t2, "app", "sha256:bb", "{\"steps\": [{\"sql\": \"CREATE TABLE t ()\"}]}",
                            "failed: boom", 345),
                    new HistoryEntry(first, t1, "app", "sha256:aa", "{\"steps\": []}", "converged", 12)), all);
            assertEquals(1, store.list(c, 1).size());
            assertEquals(second, store.list(c, 1).get(0).id());
        }
    }

    @Test
    void recordRollsBackWithTheCallersTransaction() throws SQLException {
        try (LocalPostgres db = LocalPostgres.create("histtx"); Connection c = db.connect()) {
            store.ensure(c);
            c.setAutoCommit(false);
            store.record(c, new HistoryEntry(0, Instant.now(), "app", "h", "{}", "converged", 1));
            c.rollback();
            c.setAutoCommit(true);
            assertEquals(0, store.list(c, 10).size());
        }
    }

    @Test
    void concurrentEnsureOnAFreshDatabaseNeverFails() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("histrace")) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Void>> tasks = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    tasks.add(() -> {
                        try (Connection c = db.connect()) {
                            c.setAutoCommit(false);
                            store.ensure(c);
                            store.record(c, new HistoryEntry(0, Instant.now(), "app", "h", "{}", "converged", 1));
                            c.commit();
                        }
                        return null;
                    });
                }
                for (Future<Void> f : pool.invokeAll(tasks)) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            try (Connection c = db.connect()) {
                assertEquals(4, store.list(c, 10).size());
            }
        }
    }
}
