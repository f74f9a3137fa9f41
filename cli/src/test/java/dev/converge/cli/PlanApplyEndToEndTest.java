package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The happy path of plan and apply against a real database, through the command line. */
class PlanApplyEndToEndTest {
    private static final String SHOP = """
            CREATE TABLE customer (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email text NOT NULL UNIQUE
            );
            CREATE TABLE orders (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES customer (id),
                total numeric(10,2) NOT NULL CHECK (total >= 0)
            );
            CREATE INDEX orders_customer_idx ON orders (customer_id);
            """;

    @TempDir
    Path dir;

    @Test
    void planShowsTheStepsApplyConvergesAndHistoryRecordsIt() throws Exception {
        Path desired = write("shop/schema.sql", SHOP);
        try (LocalPostgres db = LocalPostgres.create("cli_happy")) {
            String url = Cli.url(db);
            String before = SchemaDump.of(db);

            Cli.Result text = Cli.withServerShadow("plan", url, desired.toString()).expectExit(0);
            assertTrue(text.out().contains("create table public.customer"), text.all());
            assertTrue(text.out().contains("create table public.orders"), text.all());
            assertTrue(text.out().contains("orders_customer_idx"), text.all());
            assertTrue(text.out().contains("Plan: "), text.all());
            assertTrue(text.err().matches("Desired state: .* \\(1 file, \\d+ statements, normalized in database "
                    + "converge_shadow_\\w+ on .*\\)\n"), text.all());

            Cli.Result json = Cli.withServerShadow("plan", url, desired.toString(), "--format", "json").expectExit(0);
            JsonNode plan = new ObjectMapper().readTree(json.out());
            assertEquals("postgres", plan.get("dialect").asText());
            List<String> ids = new ArrayList<>();
            plan.get("steps").forEach(step -> ids.add(step.get("id").asText()));
            assertTrue(ids.contains("create-table:public.customer"), ids.toString());
            assertTrue(ids.contains("create-table:public.orders"), ids.toString());
            assertEquals(ids.size(), plan.get("summary").get("add").asInt(), plan.toString());

            Cli.Result detailed = Cli.withServerShadow("plan", url, desired.toString(),
                    "--detailed-exitcode").expectExit(2);
            assertEquals(before, SchemaDump.of(db), "plan must not change the target");

            Cli.Result apply = Cli.withServerShadow("apply", url, desired.toString(), "--auto-approve").expectExit(0);
            assertTrue(apply.out().contains("Apply complete"), apply.all());
            assertTrue(apply.out().contains("Converged"), apply.all());

            Cli.Result again = Cli.withServerShadow("plan", url, desired.toString(),
                    "--detailed-exitcode").expectExit(0);
            assertFalse(again.out().contains("create table"), again.all());

            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT outcome, plan FROM converge.history ORDER BY id")) {
                assertTrue(rs.next(), "one history row");
                assertEquals("converged", rs.getString("outcome"));
                JsonNode recorded = new ObjectMapper().readTree(rs.getString("plan"));
                assertEquals(plan.get("steps").size(), recorded.get("steps").size(), recorded.toString());
                assertEquals(plan.get("desiredFingerprint"), recorded.get("desiredFingerprint"));
                assertFalse(rs.next(), "exactly one history row");
            }
            assertTableExists(db, "public", "orders");
        }
    }

    /** "Make A look like B": the desired state is another live database. */
    @Test
    void desiredStateFromAnotherDatabaseConverges() throws Exception {
        try (LocalPostgres a = LocalPostgres.create("cli_a"); LocalPostgres b = LocalPostgres.create("cli_b")) {
            b.execute(SHOP + "CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100;");
            a.execute("CREATE TABLE customer (id bigint PRIMARY KEY, legacy text); CREATE TABLE stale (id int);");

            Cli.Result plan = Cli.run("plan", "--url", Cli.url(a), "--desired", Cli.url(b), "--detailed-exitcode")
                    .expectExit(2);
            assertTrue(plan.out().contains("public.orders"), plan.all());
            assertTrue(plan.out().contains("public.stale"), plan.all());

            Cli.Result apply = Cli.run("apply", "--url", Cli.url(a), "--desired", Cli.url(b), "--auto-approve",
                    "--allow-destructive").expectExit(0);
            assertTrue(apply.out().contains("Converged"), apply.all());

            Cli.Result after = Cli.run("plan", "--url", Cli.url(a), "--desired", Cli.url(b), "--detailed-exitcode")
                    .expectExit(0);
            assertFalse(tableExists(a, "public", "stale"), "stale was dropped");
            assertTrue(tableExists(a, "public", "orders"));
        }
    }

    /** --schema manages one schema: objects elsewhere are neither planned nor touched. */
    @Test
    void schemaOptionLimitsThePlanToThatSchema() throws Exception {
        Path desired = write("billing/schema.sql", """
                CREATE SCHEMA billing;
                CREATE TABLE billing.invoice (id int PRIMARY KEY, amount numeric NOT NULL);
                """);
        try (LocalPostgres db = LocalPostgres.create("cli_scope")) {
            db.execute("CREATE SCHEMA billing; CREATE TABLE billing.old (id int);"
                    + "CREATE SCHEMA crm; CREATE TABLE crm.contact (id int PRIMARY KEY);"
                    + "CREATE TABLE public.keep_me (id int);");
            String url = Cli.url(db);

            Cli.Result plan = Cli.withServerShadow("plan", url, desired.toString(),
                    "--schema", "billing").expectExit(0);
            assertTrue(plan.out().contains("billing.invoice"), plan.all());
            assertTrue(plan.out().contains("billing.old"), plan.all());
            assertFalse(plan.out().contains("crm"), plan.all());
            assertFalse(plan.out().contains("keep_me"), plan.all());

            Cli.Result apply = Cli.withServerShadow("apply", url, desired.toString(), "--schema", "billing",
                    "--auto-approve", "--allow-destructive").expectExit(0);
            assertTrue(apply.out().contains("Converged"), apply.all());
            assertTrue(tableExists(db, "billing", "invoice"));
            assertFalse(tableExists(db, "billing", "old"));
            assertTrue(tableExists(db, "crm", "contact"), "other schemas are untouched");
            assertTrue(tableExists(db, "public", "keep_me"), "other schemas are untouched");
        }
    }

    /** The default shadow is the embedded server that Converge starts itself. */
    @Test
    void embeddedShadowIsTheDefault() throws Exception {
        Path desired = write("schema.sql", SHOP);
        try (LocalPostgres db = LocalPostgres.create("cli_embedded")) {
            Cli.Result apply = Cli.run("apply", "--url", Cli.url(db), "--desired", desired.toString(), "--auto-approve")
                    .expectExit(0);
            assertTrue(apply.out().contains("Converged"), apply.all());
            Cli.Result plan = Cli.run("plan", "--url", Cli.url(db), "--desired", desired.toString(),
                    "--detailed-exitcode").expectExit(0);
            assertTrue(tableExists(db, "public", "orders"));
        }
    }

    private Path write(String relative, String sql) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
        return file.getParent();
    }

    private static void assertTableExists(LocalPostgres db, String schema, String table) throws SQLException {
        assertTrue(tableExists(db, schema, table), schema + "." + table);
    }

    static boolean tableExists(LocalPostgres db, String schema, String table) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('\"" + schema + "\".\"" + table + "\"') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
