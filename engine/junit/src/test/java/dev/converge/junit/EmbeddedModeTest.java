package dev.converge.junit;

import static dev.converge.junit.ConvergeAssertions.assertConverged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The default mode: an embedded PostgreSQL started once for the run, a fresh database per class or method. */
@ConvergeDatabase(desired = "src/test/resources/pg-schema")
class EmbeddedModeTest {
    @Test
    void theClassDatabaseHoldsTheDesiredSchemaAndConverges(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO customers VALUES (1, 'a@example.com')");
            st.execute("INSERT INTO orders VALUES (1, 1, 9.50)");
            SQLException refused = assertThrows(SQLException.class, () -> st.execute("INSERT INTO orders VALUES (2, 1, -1)"));
            assertTrue(refused.getMessage().contains("check"), refused.getMessage());
        }
        assertConverged(db, "src/test/resources/pg-schema");
    }

    @Test
    @ConvergeDatabase(desired = "src/test/resources/pg-schema")
    void aMethodGetsItsOwnDatabase(TestDatabase own, DataSource sameAsOwn) throws SQLException {
        assertTrue(own.name().startsWith("converge_test_"), own.name());
        assertEquals(own.dataSource(), sameAsOwn);
        try (Connection c = own.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_database(), count(*) FROM customers")) {
            rs.next();
            assertEquals(own.name(), rs.getString(1));
            assertEquals(0, rs.getInt(2), "a fresh database, empty whatever the class's tests inserted");
        }
    }

    @Test
    @ConvergeDatabase(desired = "src/test/resources/pg-schema")
    void aDatabaseThatDriftedFailsTheAssertionWithThePlan(TestDatabase own) throws SQLException {
        try (Connection c = own.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE orders ADD COLUMN made_by_hand int");
        }
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> assertConverged(own.dataSource(), "src/test/resources/pg-schema"));
        assertTrue(failure.getMessage().contains("made_by_hand"), failure.getMessage());
        assertTrue(failure.getMessage().contains("drop column"), failure.getMessage());
    }

    @Test
    void theClassAndMethodDatabasesDiffer(TestDatabase classDb) {
        assertNotEquals("", classDb.jdbcUrl());
        assertTrue(classDb.jdbcUrl().contains(classDb.name()), classDb.toString());
    }
}
