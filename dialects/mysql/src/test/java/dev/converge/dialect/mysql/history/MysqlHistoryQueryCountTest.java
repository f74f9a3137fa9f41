package dev.converge.dialect.mysql.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.dialect.mysql.testing.LocalMysql;
import dev.converge.engine.spi.HistoryEntry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A fleet reads the history of every tenant of a database over the few connections of its pool. Here
 * the check of the table was three statements per read (the table, then its target columns twice in
 * information_schema); now the statements grow with the tenants by the reads themselves only. Counted
 * on a real connection, through a wrapper made anew for every tenant as a pool's proxy is.
 */
class MysqlHistoryQueryCountTest {
    private static final int FEW = 3;
    private static final int MANY = 12;

    private final AtomicInteger executed = new AtomicInteger();

    @Test
    void checksOfTheTableDoNotGrowWithTheTenants() throws SQLException {
        try (LocalMysql db = LocalMysql.create("h_history_count"); Connection real = db.connect()) {
            MysqlHistoryStore writer = new MysqlHistoryStore();
            writer.ensure(real);
            for (int i = 0; i < MANY; i++) {
                writer.record(real, tenantEntry("t" + i));
            }
            assertEquals(checksToRead(real, FEW), checksToRead(real, MANY));
        }
    }

    /** Statements beyond the two reads per tenant a fleet plan makes (newest apply, newest successful one). */
    private int checksToRead(Connection real, int tenants) throws SQLException {
        MysqlHistoryStore store = new MysqlHistoryStore();
        executed.set(0);
        for (int i = 0; i < tenants; i++) {
            Connection borrowed = counting(real);
            assertEquals("h-t" + i, store.listFor(borrowed, "prod", "t" + i, 1).get(0).desiredHash());
            assertEquals("h-t" + i, store.lastSucceeded(borrowed, "prod", "t" + i).orElseThrow().desiredHash());
        }
        return executed.get() - 2 * tenants;
    }

    private static HistoryEntry tenantEntry(String tenant) {
        return new HistoryEntry(0, Instant.parse("2026-01-02T03:04:05Z"), "root", "h-" + tenant, "{}",
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
