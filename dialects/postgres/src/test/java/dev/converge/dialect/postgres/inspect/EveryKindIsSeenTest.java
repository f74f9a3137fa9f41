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
            CREATE MATERIALIZED VIEW app.totals AS SELECT count(*) AS n FROM app.customers;
            CREATE FUNCTION app.base_trigger_function() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
            CREATE TRIGGER base_trigger BEFORE INSERT ON app.customers FOR EACH ROW EXECUTE FUNCTION app.base_trigger_function();
            """;

    /**
     * The role whose privileges the project manages (privileges of other roles are not the project's
     * by design): a role every server has, so that the test makes no role of the cluster.
     */
    private static final String MANAGED_ROLE = "pg_monitor";

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
            new Sneak("CREATE TABLE app.sneaky_child () INHERITS (app.plain)", "INHERITS app.plain on app.sneaky_child"),
            // a partitioned table's own constraints, indexes and triggers, and a partition's own key (the
            // parent's differ from the partition's above: PostgreSQL would attach those as the parent's clones)
            new Sneak("ALTER TABLE app.orders ADD CONSTRAINT sneaky_parent_check CHECK (id > 0)", "sneaky_parent_check"),
            new Sneak("ALTER TABLE app.orders ADD CONSTRAINT sneaky_parent_fk FOREIGN KEY (id) REFERENCES app.customers (id)",
                    "sneaky_parent_fk"),
            new Sneak("ALTER TABLE app.orders ADD CONSTRAINT sneaky_parent_unique UNIQUE (id, placed, customer)", "sneaky_parent_unique"),
            new Sneak("CREATE INDEX sneaky_parent_index ON app.orders (id)", "sneaky_parent_index"),
            new Sneak("CREATE TRIGGER sneaky_parent_trigger BEFORE INSERT ON app.orders FOR EACH ROW EXECUTE FUNCTION app.sneaky_trigger_function()",
                    "sneaky_parent_trigger"),
            new Sneak("ALTER TABLE app.orders_2026 ADD CONSTRAINT sneaky_partition_unique UNIQUE (id)", "sneaky_partition_unique"),
            // what changes an object Converge already manages
            new Sneak("ALTER TABLE app.customers ADD CONSTRAINT sneaky_exclusion EXCLUDE USING btree (id WITH =)",
                    "sneaky_exclusion"),
            new Sneak("ALTER TABLE app.customers ADD COLUMN sneaky_identity int GENERATED ALWAYS AS IDENTITY",
                    "sneaky_identity"),
            new Sneak("ALTER TABLE app.customers ADD COLUMN sneaky_generated int GENERATED ALWAYS AS (id * 2) STORED",
                    "sneaky_generated"),
            new Sneak("ALTER TABLE app.customers ALTER COLUMN name SET DEFAULT 'sneaky default'",
                    "ALTER COLUMN \"name\" DROP DEFAULT"),
            new Sneak("ALTER TABLE app.twin ALTER COLUMN note SET NOT NULL", "ALTER COLUMN \"note\" DROP NOT NULL"),
            new Sneak("ALTER TABLE app.customers DISABLE TRIGGER base_trigger", "base_trigger"),
            new Sneak("ALTER TABLE app.customers CLUSTER ON sneaky_index_target",
                    "table attribute CLUSTER ON sneaky_index_target on app.customers"),
            new Sneak("ALTER TABLE app.plain FORCE ROW LEVEL SECURITY", "NO FORCE ROW LEVEL SECURITY"),
            new Sneak("CREATE INDEX sneaky_matview_index ON app.totals (n)", "sneaky_matview_index"),
            new Sneak("CREATE FUNCTION app.sneaky_window() RETURNS bigint WINDOW LANGUAGE internal AS 'window_row_number'",
                    "sneaky_window"),
            new Sneak("CREATE SCHEMA sneaky_schema", "sneaky_schema"),
            new Sneak("CREATE EXTENSION hstore SCHEMA app", "hstore"),
            // comments and grants
            new Sneak("COMMENT ON SCHEMA app IS 'sneaky schema comment'", "COMMENT ON SCHEMA \"app\""),
            new Sneak("COMMENT ON TABLE app.customers IS 'sneaky table comment'", "COMMENT ON TABLE \"app\".\"customers\""),
            new Sneak("COMMENT ON COLUMN app.customers.name IS 'sneaky column comment'",
                    "COMMENT ON COLUMN \"app\".\"customers\".\"name\""),
            new Sneak("COMMENT ON CONSTRAINT customers_pkey ON app.customers IS 'sneaky constraint comment'",
                    "COMMENT ON CONSTRAINT \"customers_pkey\""),
            new Sneak("COMMENT ON FUNCTION app.base_trigger_function() IS 'sneaky routine comment'",
                    "COMMENT ON ROUTINE \"app\".\"base_trigger_function\""),
            new Sneak("GRANT SELECT ON app.customers TO " + MANAGED_ROLE, "REVOKE SELECT ON TABLE \"app\".\"customers\""),
            new Sneak("GRANT UPDATE (note) ON app.plain TO " + MANAGED_ROLE, "REVOKE UPDATE (\"note\")"),
            new Sneak("GRANT USAGE ON SCHEMA app TO " + MANAGED_ROLE, "REVOKE USAGE ON SCHEMA \"app\""),
            // what belongs to the database, not to a schema
            // not listed, on purpose (coverage.md, privileges): default privileges make no object; the
            // grants they give an object the plan creates are compared like any other for managed roles
            new Sneak("ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO PUBLIC", null),
            new Sneak("CREATE FUNCTION app.sneaky_from_sql(internal) RETURNS internal LANGUAGE internal IMMUTABLE STRICT"
                    + " AS 'int4recv'", "sneaky_from_sql"),
            new Sneak("CREATE TRANSFORM FOR int LANGUAGE sql (FROM SQL WITH FUNCTION app.sneaky_from_sql(internal))",
                    "? transform for integer language sql"),
            new Sneak("CREATE LANGUAGE sneaky_language HANDLER plpgsql_call_handler", "? language sneaky_language"),
            new Sneak("CREATE ACCESS METHOD sneaky_access_method TYPE TABLE HANDLER heap_tableam_handler",
                    "? access method sneaky_access_method"),
            new Sneak("CREATE SUBSCRIPTION sneaky_subscription CONNECTION 'dbname=nowhere password=sneaky-subscription-secret'"
                    + " PUBLICATION sneaky_publication WITH (connect = false)", "? subscription sneaky_subscription"));

    @Test
    void everyObjectAddedBehindConvergesBackIsShownOrListed() throws Exception {
        PostgresDialect dialect = new PostgresDialect();
        InspectScope scope = new InspectScope(Set.of(), Set.of(MANAGED_ROLE));
        try (LocalPostgres db = LocalPostgres.create("kinds_census");
             Connection connection = db.connect()) {
            try {
                seeEveryKind(dialect, scope, db, connection);
            } finally {
                dropSubscriptionIn(connection);
            }
        }
    }

    private static void seeEveryKind(PostgresDialect dialect, InspectScope scope, LocalPostgres db, Connection connection)
            throws Exception {
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
        assertFalse(text.contains("sneaky-subscription-secret"), "a subscription's connection string shows in the plan");
        assertEveryKindIsAmongTheSneaks(connection);
    }

    /*
     * The list above must hold one object of every kind PostgreSQL can make: the kinds each catalog
     * column distinguishes, read from the server, must all be in schema app (or the database) once the
     * sneaks ran, so that a kind dropped from the list, or a new one, fails here and not silently.
     */
    private static void assertEveryKindIsAmongTheSneaks(Connection connection) throws java.sql.SQLException {
        String query = """
                SELECT k FROM (VALUES
                    ('relkind r'), ('relkind p'), ('relkind v'), ('relkind m'), ('relkind S'), ('relkind f'), ('relkind c'),
                    ('relkind i'), ('relkind I'), ('contype c'), ('contype f'), ('contype p'), ('contype u'), ('contype x'),
                    ('contype t'), ('prokind f'), ('prokind p'), ('prokind a'), ('prokind w'), ('typtype b'), ('typtype c'),
                    ('typtype d'), ('typtype e'), ('typtype r'), ('typtype p'), ('attidentity a'), ('attgenerated s'),
                    ('rule'), ('policy'), ('statistics'), ('operator'), ('opclass'), ('opfamily'), ('collation'),
                    ('conversion'), ('ts parser'), ('ts template'), ('ts dictionary'), ('ts configuration'), ('cast'),
                    ('event trigger'), ('publication'), ('subscription'), ('foreign data wrapper'), ('server'),
                    ('user mapping'), ('extension'), ('transform'), ('language'), ('access method'), ('default acl'),
                    ('inherits'), ('partition'), ('trigger'), ('comment'), ('acl'), ('schema')) expected(k)
                EXCEPT (
                SELECT 'relkind ' || relkind::text FROM pg_class WHERE relnamespace = 'app'::regnamespace
                UNION SELECT 'contype ' || contype::text FROM pg_constraint WHERE connamespace = 'app'::regnamespace
                UNION SELECT 'prokind ' || prokind::text FROM pg_proc WHERE pronamespace = 'app'::regnamespace
                UNION SELECT 'typtype ' || typtype::text FROM pg_type WHERE typnamespace = 'app'::regnamespace
                UNION SELECT 'attidentity ' || attidentity::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                      WHERE c.relnamespace = 'app'::regnamespace AND attidentity <> ''
                UNION SELECT 'attgenerated ' || attgenerated::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                      WHERE c.relnamespace = 'app'::regnamespace AND attgenerated <> ''
                UNION SELECT 'rule' FROM pg_rules WHERE schemaname = 'app'
                UNION SELECT 'policy' FROM pg_policies WHERE schemaname = 'app'
                UNION SELECT 'statistics' FROM pg_statistic_ext WHERE stxnamespace = 'app'::regnamespace
                UNION SELECT 'operator' FROM pg_operator WHERE oprnamespace = 'app'::regnamespace
                UNION SELECT 'opclass' FROM pg_opclass WHERE opcnamespace = 'app'::regnamespace
                UNION SELECT 'opfamily' FROM pg_opfamily WHERE opfnamespace = 'app'::regnamespace
                UNION SELECT 'collation' FROM pg_collation WHERE collnamespace = 'app'::regnamespace
                UNION SELECT 'conversion' FROM pg_conversion WHERE connamespace = 'app'::regnamespace
                UNION SELECT 'ts parser' FROM pg_ts_parser WHERE prsnamespace = 'app'::regnamespace
                UNION SELECT 'ts template' FROM pg_ts_template WHERE tmplnamespace = 'app'::regnamespace
                UNION SELECT 'ts dictionary' FROM pg_ts_dict WHERE dictnamespace = 'app'::regnamespace
                UNION SELECT 'ts configuration' FROM pg_ts_config WHERE cfgnamespace = 'app'::regnamespace
                UNION SELECT 'cast' FROM pg_cast WHERE oid >= 16384
                UNION SELECT 'event trigger' FROM pg_event_trigger
                UNION SELECT 'publication' FROM pg_publication
                UNION SELECT 'subscription' FROM pg_subscription WHERE subdbid = (SELECT oid FROM pg_database
                                                                                WHERE datname = current_database())
                UNION SELECT 'foreign data wrapper' FROM pg_foreign_data_wrapper
                UNION SELECT 'server' FROM pg_foreign_server
                UNION SELECT 'user mapping' FROM pg_user_mappings
                UNION SELECT 'extension' FROM pg_extension WHERE extnamespace = 'app'::regnamespace
                UNION SELECT 'transform' FROM pg_transform
                UNION SELECT 'language' FROM pg_language WHERE oid >= 16384
                UNION SELECT 'access method' FROM pg_am WHERE oid >= 16384
                UNION SELECT 'default acl' FROM pg_default_acl
                UNION SELECT 'inherits' FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid WHERE NOT c.relispartition
                UNION SELECT 'partition' FROM pg_class WHERE relispartition AND relnamespace = 'app'::regnamespace
                UNION SELECT 'trigger' FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                      WHERE c.relnamespace = 'app'::regnamespace AND NOT t.tgisinternal
                UNION SELECT 'comment' FROM pg_description WHERE objoid = 'app'::regnamespace
                UNION SELECT 'acl' FROM pg_class WHERE relacl IS NOT NULL AND relnamespace = 'app'::regnamespace
                UNION SELECT 'schema' FROM pg_namespace WHERE nspname = 'sneaky_schema')
                """;
        List<String> missing = new ArrayList<>();
        try (java.sql.Statement st = connection.createStatement(); java.sql.ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                missing.add(rs.getString(1));
            }
        }
        assertTrue(missing.isEmpty(), "no sneak makes an object of these kinds: " + missing);
    }

    /* A subscription keeps its database from being dropped: without a slot it can go without a publisher. */
    private static void dropSubscriptionIn(Connection connection) throws java.sql.SQLException {
        try (java.sql.Statement st = connection.createStatement()) {
            boolean exists;
            try (java.sql.ResultSet rs = st.executeQuery("SELECT 1 FROM pg_subscription WHERE subname = 'sneaky_subscription'"
                    + " AND subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
                exists = rs.next();
            }
            if (exists) {
                st.execute("ALTER SUBSCRIPTION sneaky_subscription DISABLE");
                st.execute("ALTER SUBSCRIPTION sneaky_subscription SET (slot_name = NONE)");
                st.execute("DROP SUBSCRIPTION sneaky_subscription");
            }
        }
    }
}
