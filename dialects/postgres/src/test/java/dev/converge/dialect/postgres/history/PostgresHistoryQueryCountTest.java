package dev.converge.dialect.postgres.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.spi.HistoryEntry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A fleet reads the history of every tenant of a database over the few connections of its pool: the
 * statements sent to the server grow with the tenants by the reads themselves, never by checks of the
 * table. Counted on a real connection, through a wrapper made anew for every tenant as a pool's proxy is.
 */
class PostgresHistoryQueryCountTest {
    private static final int FEW = 3;
    private static final int MANY = 12;

    private final AtomicInteger executed = new AtomicInteger();

    @Test
    void checksOfTheTableDoNotGrowWithTheTenants() throws SQLException {
        try (LocalPostgres db = LocalPostgres.create("h_history_count"); Connection real = db.connect()) {
            PostgresHistoryStore writer = new PostgresHistoryStore();
            writer.ensure(real);
            for (int i = 0; i < MANY; i++) {
                writer.record(real, tenantEntry("t" + i));
            }
            assertEquals(checksToRead(real, FEW), checksToRead(real, MANY));
        }
    }

    /** Statements beyond the two reads per tenant a fleet plan makes (newest apply, newest successful one). */
    private int checksToRead(Connection real, int tenants) throws SQLException {
        PostgresHistoryStore store = new PostgresHistoryStore();
        executed.set(0);
        for (int i = 0; i < tenants; i++) {
            Connection borrowed = counting(real);
            assertEquals("h-t" + i, store.listFor(borrowed, "prod", "t" + i, 1).get(0).desiredHash());
            assertEquals("h-t" + i, store.lastSucceeded(borrowed, "prod", "t" + i).orElseThrow().desiredHash());
        }
        return executed.get() - 2 * tenants;
    }

    @Test
    void aDatabaseWithoutHistoryAnswersNoneCreatesNothingAndSeesATableMadeLater() throws SQLException {
        try (LocalPostgres db = LocalPostgres.create("h_history_none"); Connection c = db.connect()) {
            PostgresHistoryStore store = new PostgresHistoryStore();
            for (int i = 0; i < FEW; i++) {
                assertTrue(store.listFor(c, "prod", "t" + i, 1).isEmpty());
                assertTrue(store.lastSucceeded(c, "prod", "t" + i).isEmpty());
            }
            assertTrue(store.recentByTarget(c, "prod", 1, false).isEmpty());
            assertFalse(historyExists(c), "a read created the history table");

            // Another process applies meanwhile: the next read on the same connection must see its row.
            try (Connection other = db.connect()) {
                store.ensure(other);
                store.record(other, tenantEntry("t0"));
            }
            assertEquals("h-t0", store.listFor(c, "prod", "t0", 1).get(0).desiredHash());
        }
    }

    private static boolean historyExists(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('converge.history') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static HistoryEntry tenantEntry(String tenant) {
        return new HistoryEntry(0, Instant.parse("2026-01-02T03:04:05Z"), "app", "h-" + tenant, "{}",
                HistoryEntry.CONVERGED, 1, HistoryEntry.CONVERGED, null, "prod", tenant, null, null);
    }

    /** The real connection behind a new wrapper that counts every statement executed through it. */
    private Connection counting(Connection real) {
        return wrap(Connection.class, real, result -> result instanceof PreparedStatement prepared
                ? wrap(PreparedStatement.class, prepared, null)
                : result instanceof Statement statement ? wrap(Statement.class, statement, null) : result);
    }

    private <T> T wrap(Class<T> type, T target, UnaryOperator<Object> results) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute")) {
                        executed.incrementAndGet();
                    }
                    Object result = invoke(method, target, args);
                    return results == null ? result : results.apply(result);
                }));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
