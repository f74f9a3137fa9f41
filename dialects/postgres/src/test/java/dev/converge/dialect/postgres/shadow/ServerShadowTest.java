package dev.converge.dialect.postgres.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.connect.PostgresUrls;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.ServerDatabaseShadow;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.Shadow;
import dev.converge.engine.spi.ShadowSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ServerShadowTest {
    private static final ServerVersion ANY = new ServerVersion(15, 0, "");

    @Test
    void twoParallelShadowsHaveDistinctNamesAndAreBothDropped() throws Exception {
        try (LocalPostgres target = LocalPostgres.create("srvshadow")) {
            DatabaseUrl url = PostgresUrls.parse(target.jdbcUrl());
            PostgresShadowFactory factory = new PostgresShadowFactory();
            CompletableFuture<Shadow> a = CompletableFuture.supplyAsync(() -> factory.open(ShadowSpec.SERVER, url, ANY));
            CompletableFuture<Shadow> b = CompletableFuture.supplyAsync(() -> factory.open(ShadowSpec.SERVER, url, ANY));
            List<Shadow> shadows = List.of(a.get(), b.get());
            String nameA = ((ServerDatabaseShadow) shadows.get(0)).name();
            String nameB = ((ServerDatabaseShadow) shadows.get(1)).name();
            try {
                assertNotEquals(nameA, nameB);
                assertTrue(nameA.matches("converge_shadow_\\d{8}_\\d{6}_[0-9a-f]{8}"), nameA);
                for (Shadow s : shadows) {
                    try (Statement st = s.connection().createStatement();
                         ResultSet rs = st.executeQuery("SELECT current_database()")) {
                        rs.next();
                        assertEquals(((ServerDatabaseShadow) s).name(), rs.getString(1));
                    }
                    assertTrue(s.description().startsWith("database converge_shadow_"), s.description());
                }
                assertTrue(LocalPostgres.databaseExists(nameA) && LocalPostgres.databaseExists(nameB));
                // A failed statement, even one leaving a transaction aborted, must not stop the drop.
                Connection c = shadows.get(0).connection();
                c.setAutoCommit(false);
                assertThrows(SQLException.class, () -> c.createStatement().execute("CREATE TABLE broken (x nosuchtype)"));
            } finally {
                shadows.forEach(Shadow::close);
            }
            assertFalse(LocalPostgres.databaseExists(nameA), nameA + " dropped");
            assertFalse(LocalPostgres.databaseExists(nameB), nameB + " dropped");
        }
    }

    @Test
    void aUserWithoutCreatedbIsToldWhatToDoInstead() throws SQLException {
        try (LocalPostgres target = LocalPostgres.create("nocreatedb")) {
            String role = "cvt_nocreatedb_" + target.database().substring(target.database().length() - 6);
            target.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB");
            try {
                DatabaseUrl url = PostgresUrls.parse("postgresql://" + role + "@" + LocalPostgres.HOST + ":"
                        + LocalPostgres.PORT + "/" + target.database());
                ConvergeException e = assertThrows(ConvergeException.class,
                        () -> new PostgresShadowFactory().open(ShadowSpec.SERVER, url, ANY));
                assertEquals(ErrorKind.USAGE, e.kind());
                assertTrue(e.getMessage().contains("user '" + role + "' may not create databases"), e.getMessage());
                assertTrue(e.getMessage().contains("--shadow embedded"), e.getMessage());
                assertTrue(e.getMessage().contains("--dev-url"), e.getMessage());
            } finally {
                target.execute("DROP ROLE " + role);
            }
        }
    }
}
