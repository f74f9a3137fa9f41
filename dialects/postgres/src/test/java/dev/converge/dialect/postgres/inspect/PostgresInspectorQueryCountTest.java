package dev.converge.dialect.postgres.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.spi.InspectScope;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The inspector sends a fixed number of statements whatever the number of objects. */
class PostgresInspectorQueryCountTest {

    @Test
    void statementCountDoesNotGrowWithTheSchema() throws SQLException {
        assertEquals(statementsFor(1), statementsFor(40));
    }

    private static int statementsFor(int tables) throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TYPE mood AS ENUM ('a');\n");
        for (int i = 0; i < tables; i++) {
            ddl.append("CREATE TABLE t").append(i).append(" (id serial PRIMARY KEY, m mood, ref int REFERENCES t0);\n")
                    .append("CREATE INDEX t").append(i).append("_m ON t").append(i).append(" (m);\n")
                    .append("CREATE VIEW v").append(i).append(" AS SELECT id FROM t").append(i).append(";\n");
        }
        try (LocalPostgres db = LocalPostgres.create("insp"); Connection real = db.connect()) {
            db.execute(ddl.toString());
            AtomicInteger statements = new AtomicInteger();
            Connection counting = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")) {
                            statements.incrementAndGet();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            SchemaModel model = new PostgresInspector().inspect(counting, InspectScope.ALL);
            assertEquals(tables, model.tables().size());
            assertEquals(tables, model.views().size());
            return statements.get();
        }
    }
}
