package dev.converge.dialect.mysql.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.mysql.testing.LocalMysql;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.Shadow;
import dev.converge.engine.spi.ShadowDatabaseNames;
import dev.converge.engine.spi.ShadowSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class MysqlShadowTest {
    private final MysqlShadowFactory factory = new MysqlShadowFactory();

    private static boolean exists(Connection c, String database) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    @Test
    void aWorkspaceIsCreatedLikeTheTargetAndDroppedOnClose() throws Exception {
        try (LocalMysql target = LocalMysql.create("ws"); Connection admin = target.connect()) {
            String name;
            try (Shadow shadow = factory.open(ShadowSpec.SERVER, target.url(), null)) {
                name = shadow.url().database();
                assertTrue(name.startsWith(ShadowDatabaseNames.PREFIX), name);
                assertTrue(exists(admin, name));
                try (Statement st = shadow.connection().createStatement();
                     ResultSet rs = st.executeQuery("SELECT @@character_set_database")) {
                    rs.next();
                    assertEquals("utf8mb4", rs.getString(1));
                }
                shadow.connection().createStatement().execute("CREATE TABLE x (id INT)");
            }
            assertFalse(exists(admin, name), "the workspace database is dropped");
        }
    }

    @Test
    void aWorkspaceIsDroppedEvenWhenWorkInItFails() throws Exception {
        try (LocalMysql target = LocalMysql.create("ws"); Connection admin = target.connect()) {
            String[] name = new String[1];
            assertThrows(IllegalStateException.class, () -> {
                try (Shadow shadow = factory.open(ShadowSpec.SERVER, target.url(), null)) {
                    name[0] = shadow.url().database();
                    throw new IllegalStateException("boom");
                }
            });
            assertFalse(exists(admin, name[0]));
        }
    }

    @Test
    void aDevDatabaseMustBeEmptyAndIsEmptiedAfterUse() throws Exception {
        try (LocalMysql dev = LocalMysql.create("dev")) {
            try (Shadow shadow = factory.open(new ShadowSpec(ShadowSpec.Mode.DEV, dev.url()), null, null)) {
                shadow.connection().createStatement().execute("CREATE TABLE p (id INT PRIMARY KEY)");
                shadow.connection().createStatement().execute(
                        "CREATE TABLE c (id INT PRIMARY KEY, p_id INT, FOREIGN KEY (p_id) REFERENCES p (id))");
                shadow.connection().createStatement().execute("CREATE VIEW v AS SELECT id FROM c");
            }
            try (Shadow again = factory.open(new ShadowSpec(ShadowSpec.Mode.DEV, dev.url()), null, null)) {
                assertTrue(again.description().contains("dev database"));
            }
            dev.execute("CREATE TABLE mine (id INT)");
            ConvergeException e = assertThrows(ConvergeException.class,
                    () -> factory.open(new ShadowSpec(ShadowSpec.Mode.DEV, dev.url()), null, null));
            assertEquals(ErrorKind.USAGE, e.kind());
            assertTrue(e.getMessage().contains("mine"), e.getMessage());
        }
    }
}
