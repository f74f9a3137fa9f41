package dev.converge.dialect.postgres.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.spi.InspectScope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Inspection is repeatable, independent of creation order, and leaves the connection as it was. */
class PostgresInspectorDeterminismTest {
    private static final String FORWARD = """
            CREATE SCHEMA app;
            CREATE TYPE app.state AS ENUM ('new', 'done');
            CREATE TABLE app.customers (id serial PRIMARY KEY, name text NOT NULL UNIQUE);
            CREATE TABLE app.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                customer_id int NOT NULL REFERENCES app.customers, state app.state NOT NULL DEFAULT 'new',
                total numeric CHECK (total >= 0));
            CREATE INDEX orders_customer ON app.orders (customer_id);
            CREATE INDEX orders_open ON app.orders (id) WHERE state = 'new';
            CREATE SEQUENCE app.invoice_numbers START 1000;
            CREATE VIEW app.open_orders AS SELECT o.id, c.name FROM app.orders o JOIN app.customers c ON c.id = o.customer_id;
            COMMENT ON TABLE app.orders IS 'orders';
            COMMENT ON COLUMN app.customers.name IS 'display name';
            """;
    private static final String SHUFFLED = """
            CREATE SCHEMA app;
            CREATE SEQUENCE app.invoice_numbers START 1000;
            CREATE TABLE app.customers (id serial PRIMARY KEY, name text NOT NULL UNIQUE);
            COMMENT ON COLUMN app.customers.name IS 'display name';
            CREATE TYPE app.state AS ENUM ('new', 'done');
            CREATE TABLE app.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                customer_id int NOT NULL, state app.state NOT NULL DEFAULT 'new', total numeric);
            ALTER TABLE app.orders ADD CHECK (total >= 0);
            CREATE INDEX orders_open ON app.orders (id) WHERE state = 'new';
            CREATE VIEW app.open_orders AS SELECT o.id, c.name FROM app.orders o JOIN app.customers c ON c.id = o.customer_id;
            COMMENT ON TABLE app.orders IS 'orders';
            ALTER TABLE app.orders ADD FOREIGN KEY (customer_id) REFERENCES app.customers;
            CREATE INDEX orders_customer ON app.orders (customer_id);
            """;

    @Test
    void inspectingTwiceGivesEqualModels() {
        try (LocalPostgres db = LocalPostgres.create("insp")) {
            db.execute(FORWARD);
            SchemaModel first = InspectorFixture.inspect(db, InspectScope.ALL);
            SchemaModel second = InspectorFixture.inspect(db, InspectScope.ALL);
            assertEquals(first, second);
            assertEquals(2, first.tables().size());
        }
    }

    @Test
    void sameSchemaBuiltInAnotherOrderGivesAnEqualModel() {
        SchemaModel forward = InspectorFixture.inspect(FORWARD);
        SchemaModel shuffled = InspectorFixture.inspect(SHUFFLED);
        assertEquals(forward, shuffled);
        assertEquals(1, forward.views().size());
        assertEquals(1, forward.foreignKeys().size());
    }

    @Test
    void autocommitConnectionIsGivenBackUnchanged() throws SQLException {
        try (LocalPostgres db = LocalPostgres.create("insp"); Connection c = db.connect()) {
            db.execute("CREATE TABLE t (id int)");
            exec(c, "SET search_path = pg_catalog, public");
            new PostgresInspector().inspect(c, InspectScope.ALL);
            assertTrue(c.getAutoCommit());
            assertFalse(c.isReadOnly());
            assertEquals("pg_catalog, public", query(c, "SHOW search_path"));
            assertEquals("read committed", query(c, "SHOW transaction_isolation"));
            exec(c, "INSERT INTO t VALUES (1)"); // not read-only any more, and autocommitted
            assertEquals("1", query(c, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void callersOpenTransactionIsKeptAndItsSearchPathRestored() throws SQLException {
        try (LocalPostgres db = LocalPostgres.create("insp"); Connection c = db.connect()) {
            c.setAutoCommit(false);
            exec(c, "CREATE TABLE pending (id int)");
            exec(c, "SET LOCAL search_path = public");
            SchemaModel model = new PostgresInspector().inspect(c, InspectScope.ALL);
            assertEquals(1, model.tables().size(), "sees the caller's uncommitted table");
            assertFalse(c.getAutoCommit());
            assertEquals("public", query(c, "SHOW search_path"));
            exec(c, "INSERT INTO pending VALUES (1)");
            c.commit();
            assertEquals("1", query(c, "SELECT count(*) FROM public.pending"));
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
