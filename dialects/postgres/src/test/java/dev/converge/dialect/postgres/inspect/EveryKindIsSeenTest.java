package dev.converge.dialect.postgres.inspect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanTextRenderer;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.spi.InspectScope;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fail closed, end to end: a database inspected as the desired state, then one object of every kind
 * PostgreSQL can create in a schema (on tables, partitions and views too), and the table attributes
 * that change what a table is, added behind Converge's back. The plan back to the desired state must
 * name every one of them: as a step that drops or changes it, or in the list of unmanaged objects.
 * The base's partition is made after its parent's column settings, as PostgreSQL leaves it (the
 * default, storage and compression copied, the statistics target not): nothing of it is listed.
 * Nothing may vanish without a word; and the password of a user mapping never shows.
 */
class EveryKindIsSeenTest {
    private static final String BASE = """
            CREATE SCHEMA app;
            CREATE TABLE app.customers (id int PRIMARY KEY, name text);
            CREATE TABLE app.plain (id int, note text);
            CREATE TABLE app.twin (id int, note text);
            CREATE TABLE app.orders (id int, placed date NOT NULL, customer int, note text DEFAULT 'none')
                PARTITION BY RANGE (placed);
            ALTER TABLE app.orders ALTER COLUMN note SET STORAGE EXTERNAL;
            ALTER TABLE app.orders ALTER COLUMN note SET COMPRESSION pglz;
            ALTER TABLE app.orders ALTER COLUMN customer SET STATISTICS 400;
            CREATE TABLE app.orders_2026 PARTITION OF app.orders FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            CREATE VIEW app.names AS SELECT id, name FROM app.customers;
            CREATE INDEX sneaky_index_target ON app.customers (upper(name));
            CREATE INDEX orders_2026_expression ON app.orders_2026 ((customer + 1));
            CREATE INDEX orders_doubled ON app.orders ((customer * 2));
            """;

    /** What is added behind Converge's back, and what the plan must then say about it. */
    private record Sneak(String sql, String shownAs) {
    }

    private static final List<Sneak> SNEAKS = List.of(
            new Sneak("CREATE TABLE app.sneaky_table (i int)", "sneaky_table"),
            new Sneak("ALTER TABLE app.customers ADD COLUMN sneaky_column int", "sneaky_column"),
            new Sneak("CREATE INDEX sneaky_index ON app.customers (name)", "sneaky_index"),
            new Sneak("ALTER TABLE app.customers ADD CONSTRAINT sneaky_check CHECK (id > 0)", "sneaky_check"),
            new Sneak("ALTER TABLE app.customers ADD CONSTRAINT sneaky_unique UNIQUE (name)", "sneaky_unique"),
            new Sneak("CREATE TABLE app.sneaky_partition PARTITION OF app.orders FOR VALUES FROM ('2027-01-01') TO ('2028-01-01')",
                    "sneaky_partition"),
            new Sneak("CREATE INDEX sneaky_partition_index ON app.orders_2026 (customer)", "sneaky_partition_index"),
            new Sneak("ALTER TABLE app.orders_2026 ADD CONSTRAINT sneaky_partition_check CHECK (id > 0)",
                    "sneaky_partition_check"),
            new Sneak("ALTER TABLE app.orders_2026 ADD CONSTRAINT sneaky_partition_fk FOREIGN KEY (customer) REFERENCES app.customers (id)",
                    "sneaky_partition_fk"),
            new Sneak("CREATE FUNCTION app.sneaky_trigger_function() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'",
                    "sneaky_trigger_function"),
            new Sneak("CREATE TRIGGER sneaky_trigger BEFORE INSERT ON app.plain FOR EACH ROW EXECUTE FUNCTION app.sneaky_trigger_function()",
                    "sneaky_trigger"),
            new Sneak("CREATE TRIGGER sneaky_partition_trigger BEFORE INSERT ON app.orders_2026 FOR EACH ROW EXECUTE FUNCTION app.sneaky_trigger_function()",
                    "sneaky_partition_trigger"),
            new Sneak("CREATE TRIGGER sneaky_view_trigger INSTEAD OF INSERT ON app.names FOR EACH ROW EXECUTE FUNCTION app.sneaky_trigger_function()",
                    "sneaky_view_trigger"),
            new Sneak("CREATE CONSTRAINT TRIGGER sneaky_constraint_trigger AFTER INSERT ON app.plain DEFERRABLE FOR EACH ROW EXECUTE FUNCTION app.sneaky_trigger_function()",
                    "sneaky_constraint_trigger"),
            new Sneak("CREATE RULE sneaky_rule AS ON DELETE TO app.plain DO INSTEAD NOTHING", "sneaky_rule"),
            new Sneak("CREATE POLICY sneaky_policy ON app.plain USING (id > 0)", "sneaky_policy"),
            new Sneak("CREATE VIEW app.sneaky_view AS SELECT 1 AS one", "sneaky_view"),
            new Sneak("CREATE MATERIALIZED VIEW app.sneaky_matview AS SELECT 1 AS one", "sneaky_matview"),
            new Sneak("CREATE SEQUENCE app.sneaky_sequence", "sneaky_sequence"),
            new Sneak("CREATE PROCEDURE app.sneaky_procedure() LANGUAGE sql AS 'SELECT 1'", "sneaky_procedure"),
            new Sneak("CREATE FUNCTION app.sneaky_internal(int, int) RETURNS int LANGUAGE internal IMMUTABLE STRICT AS 'int4pl'",
                    "sneaky_internal"),
            new Sneak("CREATE AGGREGATE app.sneaky_aggregate(int) (SFUNC = int4pl, STYPE = int)", "sneaky_aggregate"),
            new Sneak("CREATE TYPE app.sneaky_enum AS ENUM ('a')", "sneaky_enum"),
            new Sneak("CREATE DOMAIN app.sneaky_domain AS int CHECK (VALUE > 0)", "sneaky_domain"),
            new Sneak("CREATE TYPE app.sneaky_composite AS (a int)", "sneaky_composite"),
            new Sneak("CREATE TYPE app.sneaky_range AS RANGE (SUBTYPE = int4)", "sneaky_range"),
            new Sneak("CREATE TYPE app.sneaky_shell", "sneaky_shell"),
            new Sneak("CREATE COLLATION app.sneaky_collation (provider = libc, locale = 'C')", "sneaky_collation"),
            new Sneak("CREATE CONVERSION app.sneaky_conversion FOR 'UTF8' TO 'LATIN1' FROM utf8_to_iso8859_1",
                    "sneaky_conversion"),
            new Sneak("CREATE STATISTICS app.sneaky_statistics ON id, note FROM app.plain", "sneaky_statistics"),
            new Sneak("CREATE TEXT SEARCH PARSER app.sneaky_parser (START = prsd_start, GETTOKEN = prsd_nexttoken,"
                    + " END = prsd_end, LEXTYPES = prsd_lextype)", "sneaky_parser"),
            new Sneak("CREATE TEXT SEARCH TEMPLATE app.sneaky_template (LEXIZE = dsimple_lexize)", "sneaky_template"),
            new Sneak("CREATE TEXT SEARCH DICTIONARY app.sneaky_dictionary (TEMPLATE = simple)", "sneaky_dictionary"),
            new Sneak("CREATE TEXT SEARCH CONFIGURATION app.sneaky_configuration (COPY = english)", "sneaky_configuration"),
            new Sneak("CREATE OPERATOR app.#### (FUNCTION = int4pl, LEFTARG = int, RIGHTARG = int)", "####"),
            new Sneak("CREATE OPERATOR FAMILY app.sneaky_family USING btree", "sneaky_family"),
            new Sneak("CREATE OPERATOR CLASS app.sneaky_class FOR TYPE int4 USING btree AS OPERATOR 1 <, FUNCTION 1 btint4cmp(int4, int4)",
                    "sneaky_class"),
            new Sneak("CREATE FUNCTION app.sneaky_rank(app.sneaky_enum) RETURNS int LANGUAGE sql AS 'SELECT 1'", "sneaky_rank"),
            new Sneak("CREATE CAST (app.sneaky_enum AS int) WITH FUNCTION app.sneaky_rank(app.sneaky_enum)", "sneaky_enum AS integer"),
            new Sneak("CREATE FUNCTION app.sneaky_event_function() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END'",
                    "sneaky_event_function"),
            new Sneak("CREATE EVENT TRIGGER sneaky_event_trigger ON ddl_command_start EXECUTE FUNCTION app.sneaky_event_function()",
                    "sneaky_event_trigger"),
            new Sneak("CREATE PUBLICATION sneaky_publication FOR TABLE app.customers", "sneaky_publication"),
            new Sneak("CREATE FOREIGN DATA WRAPPER sneaky_wrapper", "? foreign data wrapper sneaky_wrapper"),
            new Sneak("CREATE SERVER sneaky_server FOREIGN DATA WRAPPER sneaky_wrapper", "? server sneaky_server"),
            new Sneak("CREATE USER MAPPING FOR CURRENT_USER SERVER sneaky_server OPTIONS (password 'sneaky-secret-value')",
                    "? user mapping for " + LocalPostgres.USER + " on server sneaky_server"),
            new Sneak("CREATE USER MAPPING FOR PUBLIC SERVER sneaky_server OPTIONS (password 'sneaky-public-secret')",
                    "? user mapping for PUBLIC on server sneaky_server"),
            new Sneak("CREATE FOREIGN TABLE app.sneaky_foreign (i int) SERVER sneaky_server", "sneaky_foreign"),
            new Sneak("CREATE TRIGGER sneaky_foreign_trigger BEFORE INSERT ON app.sneaky_foreign FOR EACH ROW EXECUTE FUNCTION app.sneaky_trigger_function()",
                    "sneaky_foreign"),
            new Sneak("ALTER TABLE app.plain SET UNLOGGED", "ALTER TABLE \"app\".\"plain\" SET LOGGED"),
            new Sneak("ALTER TABLE app.plain REPLICA IDENTITY FULL", "ALTER TABLE \"app\".\"plain\" REPLICA IDENTITY DEFAULT"),
            new Sneak("ALTER TABLE app.plain SET (fillfactor = 60)", "ALTER TABLE \"app\".\"plain\" RESET (\"fillfactor\""),
            new Sneak("ALTER TABLE app.plain SET (toast.autovacuum_enabled = false)",
                    "\"toast\".\"autovacuum_enabled\");"),
            new Sneak("ALTER TABLE app.plain ALTER COLUMN note SET STORAGE EXTERNAL",
                    "ALTER COLUMN \"note\" SET STORAGE EXTENDED"),
            new Sneak("ALTER TABLE app.plain ALTER COLUMN id SET STATISTICS 900", "ALTER COLUMN \"id\" SET STATISTICS -1"),
            new Sneak("ALTER TABLE app.plain ALTER COLUMN note SET COMPRESSION pglz",
                    "ALTER COLUMN \"note\" SET COMPRESSION DEFAULT"),
            new Sneak("CREATE INDEX sneaky_expression_index ON app.customers (lower(name))", "sneaky_expression_index"),
            new Sneak("ALTER INDEX app.sneaky_index_target ALTER COLUMN 1 SET STATISTICS 700",
                    "ALTER INDEX \"app\".\"sneaky_index_target\" ALTER COLUMN 1 SET STATISTICS -1"),
            new Sneak("ALTER INDEX app.orders_2026_expression ALTER COLUMN 1 SET STATISTICS 800",
                    "ALTER INDEX \"app\".\"orders_2026_expression\" ALTER COLUMN 1 SET STATISTICS -1"),
            new Sneak("ALTER INDEX app.orders_2026_expr_idx ALTER COLUMN 1 SET STATISTICS 600",
                    "ALTER INDEX \"app\".\"orders_2026_expr_idx\" ALTER COLUMN 1 SET STATISTICS -1"),
            new Sneak("COMMENT ON INDEX app.orders_2026_expr_idx IS 'sneaky copy comment'", "orders_2026_expr_idx"),
            new Sneak("CREATE POLICY sneaky_partition_policy ON app.orders_2026 USING (id > 0)", "sneaky_partition_policy"),
            new Sneak("ALTER TABLE app.orders_2026 ENABLE ROW LEVEL SECURITY",
                    "ALTER TABLE \"app\".\"orders_2026\" DISABLE ROW LEVEL SECURITY"),
            new Sneak("CREATE RULE sneaky_partition_rule AS ON DELETE TO app.orders_2026 DO INSTEAD NOTHING",
                    "sneaky_partition_rule"),
            new Sneak("CREATE STATISTICS app.sneaky_partition_statistics ON id, customer FROM app.orders_2026",
                    "sneaky_partition_statistics"),
            new Sneak("ALTER TABLE app.orders_2026 REPLICA IDENTITY FULL",
                    "ALTER TABLE \"app\".\"orders_2026\" REPLICA IDENTITY DEFAULT"),
            new Sneak("ALTER TABLE app.orders_2026 SET (fillfactor = 70)", "ALTER TABLE \"app\".\"orders_2026\" RESET"),
            new Sneak("ALTER TABLE app.orders_2026 ALTER COLUMN customer SET DEFAULT 7",
                    "COLUMN customer DEFAULT 7 (the parent's: no DEFAULT) on app.orders_2026"),
            new Sneak("ALTER TABLE app.orders_2026 ALTER COLUMN note SET DEFAULT 'sneaky'",
                    "COLUMN note DEFAULT 'sneaky'::text (the parent's: DEFAULT 'none'::text) on app.orders_2026"),
            new Sneak("ALTER TABLE app.orders_2026 ALTER COLUMN id SET NOT NULL",
                    "COLUMN id NOT NULL (the parent's: NULL) on app.orders_2026"),
            new Sneak("ALTER TABLE app.orders_2026 ALTER COLUMN id SET STATISTICS 300",
                    "COLUMN id STATISTICS 300 (the parent's: STATISTICS -1) on app.orders_2026"),
            new Sneak("ALTER TABLE app.orders_2026 ALTER COLUMN note SET STORAGE MAIN",
                    "COLUMN note STORAGE MAIN (the parent's: STORAGE EXTERNAL) on app.orders_2026"),
            new Sneak("ALTER TABLE app.orders_2026 ALTER COLUMN note SET COMPRESSION DEFAULT",
                    "COLUMN note COMPRESSION DEFAULT (the parent's: COMPRESSION pglz) on app.orders_2026"),
            new Sneak("CREATE TABLE app.sneaky_subpartition PARTITION OF app.orders FOR VALUES FROM ('2030-01-01')"
                    + " TO ('2031-01-01') PARTITION BY LIST (customer)", "sneaky_subpartition"),
            new Sneak("ALTER TABLE app.twin INHERIT app.plain", "INHERITS app.plain on app.twin"),
            new Sneak("CREATE TABLE app.sneaky_child () INHERITS (app.plain)", "INHERITS app.plain on app.sneaky_child"));

    @Test
    void everyObjectAddedBehindConvergesBackIsShownOrListed() throws Exception {
        PostgresDialect dialect = new PostgresDialect();
        InspectScope scope = new InspectScope(Set.of(), Set.of());
        try (LocalPostgres db = LocalPostgres.create("kinds_census");
             Connection connection = db.connect()) {
            db.execute(BASE);
            SchemaModel desired = dialect.inspector().inspect(connection, scope);
            assertTrue(desired.unmanaged().isEmpty(), "the base has nothing unmanaged: " + desired.unmanaged());
            for (Sneak sneak : SNEAKS) {
                db.execute(sneak.sql());
            }
            SchemaModel current = dialect.inspector().inspect(connection, scope);
            Plan plan = Planner.of(dialect).plan(current, desired, "target");
            String text = new PlanTextRenderer().render(plan);
            List<String> unseen = new ArrayList<>();
            for (Sneak sneak : SNEAKS) {
                if (sneak.shownAs() != null && !text.contains(sneak.shownAs())) {
                    unseen.add(sneak.shownAs() + "  <- " + sneak.sql());
                }
            }
            assertTrue(unseen.isEmpty(), "the plan names neither as a step nor as unmanaged:\n  "
                    + String.join("\n  ", unseen) + "\n--- plan ---\n" + text);
            assertFalse(text.contains("sneaky-secret-value"), "a user mapping's password shows in the plan");
            assertFalse(text.contains("sneaky-public-secret"), "a user mapping's password shows in the plan");
        }
    }
}
