package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL the view under a renamed table's old name is a new object: expand gives it the table's
 * grants, so an application role that is not the table's owner keeps writing through the old name.
 */
class PostgresTableRenameGrantsTest {
    @Test
    void theViewUnderTheOldNameHasTheTablesGrants() throws Exception {
        String role = "h_xtable_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (LocalPostgres db = LocalPostgres.create("table_grants")) {
            Cli.withServerShadow("apply", Cli.url(db), TableRenameRollout.EXAMPLE.resolve("v1").toString(),
                    "--auto-approve").expectExit(0);
            db.execute("CREATE ROLE " + role + " NOLOGIN");
            try {
                db.execute("GRANT SELECT, INSERT, UPDATE ON people TO " + role);
                Cli.withServerShadow("apply", Cli.url(db), TableRenameRollout.EXAMPLE.resolve("v2").toString(),
                        "--phase", "expand", "--auto-approve").expectExit(0);
                assertEquals("v", Cli.value(db, "SELECT relkind FROM pg_class WHERE oid = 'public.people'::regclass"));
                for (String privilege : new String[] {"SELECT", "INSERT", "UPDATE"}) {
                    assertEquals("t", Cli.value(db, "SELECT has_table_privilege('" + role + "', 'public.people', '"
                            + privilege + "')"), privilege + " through the old name");
                }
                assertEquals("f", Cli.value(db, "SELECT has_table_privilege('" + role + "', 'public.people', 'DELETE')"),
                        "no more than the table had");
            } finally {
                db.execute("DROP OWNED BY " + role);
                try (Connection c = LocalPostgres.admin(); Statement st = c.createStatement()) {
                    st.execute("DROP ROLE " + role);
                }
            }
        }
    }
}
