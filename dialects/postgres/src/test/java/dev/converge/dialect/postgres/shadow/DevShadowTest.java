package dev.converge.dialect.postgres.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.connect.PostgresUrls;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.Shadow;
import dev.converge.engine.spi.ShadowSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevShadowTest {

    @Test
    void refusesADevDatabaseThatHoldsUserObjects() {
        try (LocalPostgres dev = LocalPostgres.create("devfull")) {
            dev.execute("CREATE SCHEMA app; CREATE TABLE public.t (id int); CREATE TYPE public.mood AS ENUM ('ok')");
            DatabaseUrl url = PostgresUrls.parse(dev.jdbcUrl());
            ConvergeException e = assertThrows(ConvergeException.class,
                    () -> new PostgresShadowFactory().open(new ShadowSpec(ShadowSpec.Mode.DEV, url), null, null));
            assertEquals(ErrorKind.USAGE, e.kind());
            assertTrue(e.getMessage().contains("is not empty: it holds schema app, table public.t, type public.mood."),
                    e.getMessage());
            assertTrue(e.getMessage().contains("--dev-url"), e.getMessage());
        }
    }

    @Test
    void acceptsAnEmptyPublicAndEmptiesItAfterUse() throws SQLException {
        try (LocalPostgres dev = LocalPostgres.create("devok")) {
            DatabaseUrl url = PostgresUrls.parse(dev.jdbcUrl());
            List<String> aclBefore = publicAcl(dev);
            Shadow shadow = new PostgresShadowFactory().open(new ShadowSpec(ShadowSpec.Mode.DEV, url), null, null);
            try (Statement st = shadow.connection().createStatement()) {
                st.execute("CREATE SCHEMA app; CREATE TABLE app.a (id int); CREATE TABLE public.p (id int);"
                        + " CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'");
            } finally {
                shadow.close();
            }
            try (Connection c = dev.connect()) {
                assertEquals(List.of(), DevShadow.userObjects(c), "everything dropped");
            }
            assertEquals(aclBefore, publicAcl(dev), "public recreated with its owner and grants");
            // ...and it can be used again straight away.
            new PostgresShadowFactory().open(new ShadowSpec(ShadowSpec.Mode.DEV, url), null, null).close();
        }
    }

    private static List<String> publicAcl(LocalPostgres db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_get_userbyid(nspowner), coalesce(nspacl::text, '-')"
                     + " FROM pg_namespace WHERE nspname = 'public'")) {
            assertTrue(rs.next(), "public exists");
            return List.of(rs.getString(1), rs.getString(2));
        }
    }
}
