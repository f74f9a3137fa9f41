package dev.converge.dialect.postgres.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.Shadow;
import dev.converge.engine.spi.ShadowSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddedShadowTest {

    @ParameterizedTest
    @ValueSource(ints = {15, 17})
    void startsTheTargetsMajorAndIsGoneAfterClose(int major) throws Exception {
        long started = System.nanoTime();
        Shadow shadow = new PostgresShadowFactory().open(ShadowSpec.EMBEDDED, null,
                new ServerVersion(major, 0, "PostgreSQL " + major));
        EmbeddedShadow embedded = (EmbeddedShadow) shadow;
        int port = embedded.port();
        Path dir = embedded.directory();
        try {
            try (Statement st = shadow.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int / 10000,"
                         + " current_setting('fsync'), (SELECT count(*) FROM pg_class c JOIN pg_namespace n"
                         + " ON n.oid = c.relnamespace WHERE n.nspname = 'public')")) {
                rs.next();
                assertEquals(major, rs.getInt(1));
                assertEquals("off", rs.getString(2));
                assertEquals(0, rs.getInt(3), "the shadow starts empty");
            }
            assertTrue(shadow.description().startsWith("embedded PostgreSQL " + major + "."), shadow.description());
            assertFalse(shadow.description().contains("no binaries"), shadow.description());
            shadow.connection().createStatement().execute("CREATE TABLE t (id int)");
        } finally {
            shadow.close();
        }
        System.out.printf("embedded PostgreSQL %d start+stop: %d ms%n", major, (System.nanoTime() - started) / 1_000_000);
        assertFalse(Files.exists(dir), "temp directory deleted: " + dir);
        assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres"
                        + "&connectTimeout=2").close(), "server stopped");
        assertThrows(IllegalStateException.class, shadow::connection);
        shadow.close(); // twice is harmless
    }

    @Test
    void aMajorWithoutBinariesFallsBackToTheDefaultAndSaysSo() {
        assertEquals(EmbeddedBinaries.DEFAULT_MAJOR, EmbeddedBinaries.forMajor(12).major());
        assertEquals(EmbeddedBinaries.DEFAULT_MAJOR, EmbeddedBinaries.forMajor(18).major());
        assertEquals(13, EmbeddedBinaries.forMajor(13).major());
        assertEquals(16, EmbeddedBinaries.forMajor(16).major());
        assertEquals("embedded PostgreSQL 15.19 (no binaries for 12; using 15)",
                EmbeddedShadow.describe(12, new ServerVersion(15, 19, "x")));
        assertEquals("embedded PostgreSQL 17.11", EmbeddedShadow.describe(17, new ServerVersion(17, 11, "x")));
        assertEquals("embedded PostgreSQL 15.19", EmbeddedShadow.describe(null, new ServerVersion(15, 19, "x")));
    }
}
