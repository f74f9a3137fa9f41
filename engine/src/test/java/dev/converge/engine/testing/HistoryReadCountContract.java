package dev.converge.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.spi.HistoryEntry;
import dev.converge.engine.spi.HistoryStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A fleet reads the history of every tenant of a database over the few connections of its pool: the
 * statements a dialect's history store sends grow with the tenants by the reads themselves, never by
 * checks of the table. A dialect's test extends this with a fresh database of its server, on which it
 * says how a connection is borrowed (through a new proxy every time, as a pool lends it) and how the
 * statements are counted.
 */
public abstract class HistoryReadCountContract {
    private static final int FEW = 3;
    private static final int MANY = 12;

    /** A fresh database of the dialect's server. */
    protected interface Database extends AutoCloseable {
        /** A new history store, which has seen no connection yet (a store remembers where it checked the table). */
        HistoryStore newStore();

        /** A connection as a pool lends it: the same server session behind a new proxy; closing it gives it back. */
        Connection borrow() throws SQLException;

        /** How many statements the count has seen so far (the count may leave out what no read sends, such as writes). */
        long statements() throws SQLException;

        @Override
        void close() throws SQLException;
    }

    /** A fresh database whose name starts with {@code prefix}. */
    protected abstract Database database(String prefix) throws SQLException;

    @Test
    void checksOfTheTableDoNotGrowWithTheTenants() throws SQLException {
        try (Database db = database("h_history_count")) {
            HistoryStore writer = db.newStore();
            try (Connection c = db.borrow()) {
                writer.ensure(c);
                for (int i = 0; i < MANY; i++) {
                    writer.record(c, tenantEntry("t" + i));
                }
            }
            assertEquals(checksToRead(db, FEW), checksToRead(db, MANY));
        }
    }

    /** Statements beyond the two reads per tenant a fleet plan makes (newest apply, newest successful one). */
    private static long checksToRead(Database db, int tenants) throws SQLException {
        HistoryStore store = db.newStore();
        long before = db.statements();
        for (int i = 0; i < tenants; i++) {
            try (Connection borrowed = db.borrow()) {
                assertEquals("h-t" + i, store.listFor(borrowed, "prod", "t" + i, 1).get(0).desiredHash());
                assertEquals("h-t" + i, store.lastSucceeded(borrowed, "prod", "t" + i).orElseThrow().desiredHash());
            }
        }
        return db.statements() - before - 2L * tenants;
    }

    /** A converged apply of {@code tenant} of environment {@code prod}, whose desired hash is {@code h-TENANT}. */
    protected static HistoryEntry tenantEntry(String tenant) {
        return new HistoryEntry(0, Instant.parse("2026-01-02T03:04:05Z"), "deployer", "h-" + tenant, "{}",
                HistoryEntry.CONVERGED, 1, HistoryEntry.CONVERGED, null, "prod", tenant, null, null);
    }
}
