package dev.converge.junit;

import static dev.converge.junit.ConvergeAssertions.assertConverged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The server mode against the local PostgreSQL (named by the system property converge.test.server,
 * set in this module's pom) and the local MariaDB (named in the annotation).
 */
class ServerModeTest {
    @Nested
    @ConvergeDatabase(desired = "src/test/resources/pg-schema", mode = ConvergeDatabase.Mode.SERVER)
    class OnPostgres {
        @Test
        void aFreshDatabaseOnTheServerConverges(TestDatabase db) throws SQLException {
            assertFreshAndConverged(db, "jdbc:postgresql://", "src/test/resources/pg-schema");
        }
    }

    @Nested
    @ConvergeDatabase(desired = "src/test/resources/mysql-schema", mode = ConvergeDatabase.Mode.SERVER,
            server = "jdbc:mysql://127.0.0.1:3306/mysql?user=root")
    class OnMariaDb {
        @Test
        void aFreshDatabaseOnTheServerConverges(TestDatabase db) throws SQLException {
            assertFreshAndConverged(db, "jdbc:mysql://", "src/test/resources/mysql-schema");
        }
    }

    /** The database is on the server {@code urlPrefix} names, holds the two desired tables and is converged. */
    private static void assertFreshAndConverged(TestDatabase db, String urlPrefix, String desired) throws SQLException {
        assertTrue(db.jdbcUrl().startsWith(urlPrefix), db.jdbcUrl());
        assertEquals(2, tables(db));
        assertConverged(db.dataSource(), desired);
    }

    /** The desired tables in the database (PostgreSQL: its public schema; MySQL: the database itself). */
    private static int tables(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM information_schema.tables"
                     + " WHERE table_name IN ('customers', 'orders') AND table_schema IN ('public', '" + db.name() + "')")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
