package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CatalogDump stands in for pg_dump where pg_dump cannot run, so it must see what pg_dump sees: two
 * databases built from the same statements dump alike, and each change below, made to one of them,
 * makes the dumps differ.
 */
class CatalogDumpTest {
    private static final String SCHEMA = """
            CREATE SCHEMA app;
            CREATE TYPE app.state AS ENUM ('open', 'closed');
            CREATE DOMAIN app.positive AS int CHECK (VALUE > 0);
            CREATE TABLE app.customers (id int PRIMARY KEY, name text DEFAULT 'x', score app.positive);
            CREATE TABLE app.orders (id int, placed date NOT NULL, customer int REFERENCES app.customers (id),
                state app.state) PARTITION BY RANGE (placed);
            CREATE TABLE app.orders_2026 PARTITION OF app.orders FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            CREATE INDEX orders_customer ON app.orders (customer);
            CREATE VIEW app.names AS SELECT id, name FROM app.customers;
            CREATE SEQUENCE app.numbers;
            CREATE TABLE app.scratch (n int);
            CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
            CREATE TRIGGER touch BEFORE INSERT ON app.customers FOR EACH ROW EXECUTE FUNCTION app.touch();
            CREATE POLICY mine ON app.customers USING (id > 0);
            COMMENT ON TABLE app.customers IS 'who buys';
            """;

    private static final List<String> CHANGES = List.of(
            "ALTER TABLE app.customers ALTER COLUMN name SET DEFAULT 'y'",
            "ALTER TABLE app.customers ALTER COLUMN name SET NOT NULL",
            "ALTER TABLE app.customers ADD CONSTRAINT named CHECK (length(name) > 1)",
            "CREATE INDEX customers_name ON app.customers (name)",
            "CREATE OR REPLACE VIEW app.names AS SELECT id, name FROM app.customers WHERE id > 1",
            "CREATE OR REPLACE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN OLD; END'",
            "ALTER TABLE app.customers DISABLE TRIGGER touch",
            "ALTER TYPE app.state ADD VALUE 'lost'",
            "ALTER DOMAIN app.positive SET DEFAULT 1",
            "ALTER SEQUENCE app.numbers INCREMENT BY 2",
            "ALTER TABLE app.orders DETACH PARTITION app.orders_2026",
            "ALTER POLICY mine ON app.customers USING (id > 1)",
            "COMMENT ON TABLE app.customers IS 'who pays'",
            "ALTER TABLE app.scratch SET UNLOGGED",
            "ALTER TABLE app.scratch SET (fillfactor = 50)",
            "ALTER TABLE app.customers ALTER COLUMN score TYPE bigint",
            "CREATE STATISTICS app.pair ON id, name FROM app.customers");

    @Test
    void theSameStatementsDumpAlikeAndEveryChangeShows() {
        try (LocalPostgres a = LocalPostgres.create("catalog_dump_a");
             LocalPostgres b = LocalPostgres.create("catalog_dump_b")) {
            a.execute(SCHEMA);
            b.execute(SCHEMA);
            String dump = CatalogDump.of(PgDatabase.of(a));
            assertEquals(dump, CatalogDump.of(PgDatabase.of(b)), "built alike, dumped alike");
            List<String> unseen = new ArrayList<>();
            for (String change : CHANGES) {
                b.execute(change);
                String changed = CatalogDump.of(PgDatabase.of(b));
                if (changed.equals(dump)) {
                    unseen.add(change);
                }
                dump = changed;
            }
            assertEquals(List.of(), unseen, "changes the catalog dump does not show");
        }
    }
}
