package dev.converge.dialect.postgres.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.spi.HistoryStore;
import dev.converge.engine.testing.HistoryReadCountContract;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The history reads of a PostgreSQL fleet, counted on a real connection through a wrapper made anew for
 * every tenant as a pool's proxy is; and what a read does where there is no history yet.
 */
class PostgresHistoryQueryCountTest extends HistoryReadCountContract {
    private static final int FEW = 3;

    private final AtomicInteger executed = new AtomicInteger();

    @Override
    protected Database database(String prefix) throws SQLException {
        LocalPostgres db = LocalPostgres.create(prefix);
        Connection real = db.connect();
        return new Database() {
            @Override
            public HistoryStore newStore() {
                return new PostgresHistoryStore();
            }

            @Override
            public Connection borrow() {
                return counting(real);
            }

            @Override
            public long statements() {
                return executed.get();
            }

            @Override
            public void close() throws SQLException {
                try (db) {
                    real.close();
                }
            }
        };
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

    /**
     * The real connection behind a new wrapper that counts every statement executed through it; closing
     * the wrapper leaves the real connection open, as closing a pool's proxy gives the connection back.
     */
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
                    if (type == Connection.class && method.getName().equals("close")) {
                        return null;
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
