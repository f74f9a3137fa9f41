package dev.converge.dialect.mysql.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.mysql.testing.LocalMysql;
import dev.converge.engine.spi.HistoryEntry;
import java.sql.Connection;
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
}
