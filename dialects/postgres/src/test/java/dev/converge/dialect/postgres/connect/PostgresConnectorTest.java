package dev.converge.dialect.postgres.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.dialect.postgres.testing.PasswordPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresConnectorTest {
    private final PostgresConnector connector = new PostgresConnector(name -> null);

    @Test
    void connectsToTheLocalServerAndReadsItsVersion() throws SQLException {
        try (LocalPostgres db = LocalPostgres.create("conn");
             Connection c = connector.connect(PostgresUrls.parse(db.jdbcUrl()))) {
            ServerVersion version = connector.version(c);
            assertTrue(version.major() >= 13, version.toString());
            assertTrue(version.text().startsWith("PostgreSQL " + version.major() + "."), version.text());
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT current_database(), current_setting('application_name'),"
                         + " current_setting('client_connection_check_interval', true)")) {
                rs.next();
                assertEquals(db.database(), rs.getString(1));
                assertEquals("converge", rs.getString(2));
                // A killed Converge leaves no statement running: the server checks every 5 s (from 14 on).
                assertEquals(version.major() >= 14 ? "5s" : null, rs.getString(3));
            }
        }
    }

    @Test
    void unreachablePortSaysWhereAndNeverThePassword() {
        DatabaseUrl url = PostgresUrls.parse("postgresql://app:hunter2@127.0.0.1:1/shop");
        ConvergeException e = assertThrows(ConvergeException.class, () -> connector.connect(url));
        assertEquals(ErrorKind.ERROR, e.kind());
        assertTrue(e.getMessage().startsWith("cannot connect to 127.0.0.1:1 (database shop): "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; is the server running and reachable?"), e.getMessage());
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void unknownHostIsNamed() {
        DatabaseUrl url = PostgresUrls.parse("postgresql://app:hunter2@no-such-host.invalid/shop");
        ConvergeException e = assertThrows(ConvergeException.class, () -> connector.connect(url));
        assertTrue(e.getMessage().contains("unknown host 'no-such-host.invalid'"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void missingDatabaseIsNamed() {
        DatabaseUrl url = PostgresUrls.parse("postgresql://" + LocalPostgres.USER + "@" + LocalPostgres.HOST + ":"
                + LocalPostgres.PORT + "/cvt_no_such_database");
        ConvergeException e = assertThrows(ConvergeException.class, () -> connector.connect(url));
        assertEquals("database 'cvt_no_such_database' does not exist on " + LocalPostgres.HOST + ":" + LocalPostgres.PORT
                + ": create it, or fix the database name in the URL", e.getMessage());
    }

    @Test
    void pgpasswordAndDriverDefaultsGoIntoTheProperties() {
        PostgresConnector withEnv = new PostgresConnector(Map.of("PGPASSWORD", "fromenv", "PGUSER", "envuser")::get);
        var props = withEnv.driverProperties(PostgresUrls.parse("postgresql://h/db"));
        assertEquals("fromenv", props.getProperty("password"));
        assertEquals("envuser", props.getProperty("user"));
        assertEquals("converge", props.getProperty("ApplicationName"));
        assertEquals("10", props.getProperty("connectTimeout"));
        assertEquals("0", props.getProperty("socketTimeout"));
        var explicit = withEnv.driverProperties(PostgresUrls.parse("postgresql://u:inurl@h/db"));
        assertEquals("inurl", explicit.getProperty("password"), "the URL's password wins over PGPASSWORD");
        assertEquals("u", explicit.getProperty("user"));
    }

    @Test
    void versionNumbersOldAndNew() {
        assertEquals(new ServerVersion(15, 10, "x"), PostgresConnector.versionOf(150010, "x"));
        assertEquals(new ServerVersion(9, 6, "x"), PostgresConnector.versionOf(90624, "x"));
    }

    /** The local server trusts everyone, so a password check needs a server of our own. */
    @Test
    void wrongPasswordIsAnAuthenticationMessage() throws Exception {
        Path dir = Files.createTempDirectory("converge-auth-test");
        try {
            checkAuthentication(dir);
        } finally {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void checkAuthentication(Path dir) throws Exception {
        try (PasswordPostgres pg = PasswordPostgres.start(dir)) {
            String base = "postgresql://alice:%s@localhost:" + pg.port() + "/postgres";
            ConvergeException e = assertThrows(ConvergeException.class,
                    () -> connector.connect(PostgresUrls.parse(String.format(base, "wrong-pw"))));
            assertEquals("authentication failed for user 'alice' on localhost:" + pg.port()
                    + "/postgres: check the password (in the URL or PGPASSWORD)", e.getMessage());
            assertFalse(e.getMessage().contains("wrong-pw"));
            try (Connection ok = connector.connect(PostgresUrls.parse(String.format(base, "right-pw")))) {
                assertTrue(ok.isValid(2));
            }
            PostgresConnector viaEnv = new PostgresConnector(Map.of("PGPASSWORD", "right-pw")::get);
            try (Connection ok = viaEnv.connect(PostgresUrls.parse("postgresql://alice@localhost:" + pg.port()
                    + "/postgres"))) {
                assertTrue(ok.isValid(2), "PGPASSWORD is used when the URL has none");
            }
        }
    }
}
