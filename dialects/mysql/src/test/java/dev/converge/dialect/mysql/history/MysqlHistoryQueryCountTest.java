package dev.converge.dialect.mysql.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.dialect.mysql.MysqlDialect;
import dev.converge.dialect.mysql.testing.LocalMysql;
import dev.converge.engine.fleet.FleetTarget;
import dev.converge.engine.fleet.TargetConnections;
import dev.converge.engine.spi.HistoryEntry;
import dev.converge.engine.spi.InspectScope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A fleet reads the history of every tenant of a database over the few connections of its pool. Here
 * the check of the table was three statements per read (the table, then its target columns twice in
 * information_schema); now the SELECTs the server counts for the session grow with the tenants by the
 * reads themselves only. Read through the fleet's pool with one connection, whose proxy is new at every
 * borrow.
 */
class MysqlHistoryQueryCountTest {
    private static final int FEW = 3;
    private static final int MANY = 12;

    @Test
    void checksOfTheTableDoNotGrowWithTheTenants() throws SQLException {
        try (LocalMysql db = LocalMysql.create("h_history_count");
             TargetConnections pool = new TargetConnections(new MysqlDialect(), 1)) {
            FleetTarget tenant = new FleetTarget("prod", "t0", db.url(), db.database(), InspectScope.ALL);
            try (Connection c = pool.open(tenant)) {
                MysqlHistoryStore writer = new MysqlHistoryStore();
                writer.ensure(c);
                for (int i = 0; i < MANY; i++) {
                    writer.record(c, tenantEntry("t" + i));
                }
            }
            assertEquals(checksToRead(pool, tenant, FEW), checksToRead(pool, tenant, MANY));
        }
    }

    /** SELECTs beyond the two reads per tenant a fleet plan makes (newest apply, newest successful one). */
    private static long checksToRead(TargetConnections pool, FleetTarget tenant, int tenants) throws SQLException {
        MysqlHistoryStore store = new MysqlHistoryStore();
        long before = selects(pool, tenant);
        for (int i = 0; i < tenants; i++) {
            try (Connection borrowed = pool.open(tenant)) {
                assertEquals("h-t" + i, store.listFor(borrowed, "prod", "t" + i, 1).get(0).desiredHash());
                assertEquals("h-t" + i, store.lastSucceeded(borrowed, "prod", "t" + i).orElseThrow().desiredHash());
            }
        }
        return selects(pool, tenant) - before - 2L * tenants;
    }

    /** The session's count of SELECT statements (SHOW STATUS is not one of them). */
    private static long selects(TargetConnections pool, FleetTarget tenant) throws SQLException {
        try (Connection c = pool.open(tenant); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW SESSION STATUS LIKE 'Com_select'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    private static HistoryEntry tenantEntry(String tenant) {
        return new HistoryEntry(0, Instant.parse("2026-01-02T03:04:05Z"), "root", "h-" + tenant, "{}",
                HistoryEntry.CONVERGED, 1, HistoryEntry.CONVERGED, null, "prod", tenant, null, null);
    }
}
