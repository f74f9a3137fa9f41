package dev.converge.dialect.postgres.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.View;
import dev.converge.engine.spi.InspectScope;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * pg_get_viewdef locks every relation a view reads until the transaction ends; an inspection of many
 * views in one query held all those locks at once, and 10,000 tenant schemas with a view each
 * exhausted the server's shared lock table ("out of shared memory"). The locks an inspection holds at
 * any moment must stay bounded whatever the number of views.
 */
class PostgresInspectorLocksTest {
    private static final int VIEWS = 1_500;

    @Test
    void locksHeldAtOnceStayBoundedWhateverTheNumberOfViews() throws SQLException {
        StringBuilder ddl = new StringBuilder("DO $$ BEGIN FOR i IN 1.." + VIEWS + " LOOP\n"
                + "  EXECUTE format('CREATE TABLE t%s (id int, note text)', i);\n"
                + "  EXECUTE format('CREATE VIEW v%s AS SELECT id, note FROM t%s WHERE id > 0', i, i);\n"
                + "END LOOP; END $$;");
        try (LocalPostgres db = LocalPostgres.create("insp"); Connection real = db.connect()) {
            db.execute(ddl.toString());
            AtomicInteger mostLocks = new AtomicInteger();
            SchemaModel model = new PostgresInspector().inspect(countingLocks(real, mostLocks), InspectScope.ALL);

            assertEquals(VIEWS, model.views().size());
            View first = model.views().stream().filter(v -> v.name().name().equals("v1")).findFirst().orElseThrow();
            assertTrue(first.definition().contains("public.t1"), first.definition());
            // One query over every view would hold about two locks per view (3,000 here) to its end.
            assertTrue(mostLocks.get() < VIEWS, "an inspection of " + VIEWS + " views held " + mostLocks.get()
                    + " locks at once");
        }
    }

    /** The connection, counting the locks its session holds after each catalog query (the largest count wins). */
    private static Connection countingLocks(Connection real, AtomicInteger mostLocks) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (result instanceof PreparedStatement statement) {
                        return countingAfterEachQuery(statement, real, mostLocks);
                    }
                    return result;
                });
    }

    private static PreparedStatement countingAfterEachQuery(PreparedStatement real, Connection connection,
                                                            AtomicInteger mostLocks) {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (method.getName().equals("executeQuery")) {
                        try (Statement st = connection.createStatement();
                             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_catalog.pg_locks"
                                     + " WHERE pid = pg_catalog.pg_backend_pid()")) {
                            rs.next();
                            mostLocks.accumulateAndGet(rs.getInt(1), Math::max);
                        }
                    }
                    return result;
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
