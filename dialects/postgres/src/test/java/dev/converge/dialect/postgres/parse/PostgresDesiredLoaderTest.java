package dev.converge.dialect.postgres.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.source.SourceFile;
import dev.converge.engine.source.SqlStatement;
import dev.converge.engine.spi.LoadAbandonedException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

class PostgresDesiredLoaderTest {
    private LocalPostgres db;
    private Connection connection;

    @BeforeEach
    void open() {
        db = LocalPostgres.create("loader");
        connection = db.connect();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        db.close();
    }

    private static List<SqlStatement> statements(SourceFile... files) {
        PostgresStatementSplitter splitter = new PostgresStatementSplitter();
        List<SqlStatement> all = new ArrayList<>();
        for (SourceFile file : files) {
            all.addAll(splitter.split(file));
        }
        return all;
    }

    private void load(SourceFile... files) {
        new PostgresDesiredLoader().load(connection, statements(files));
    }

    private String query(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(out.length() == 0 ? "" : ",").append(rs.getString(1));
            }
            return out.toString();
        }
    }

    @Test
    void forwardReferencesAcrossFilesLoad() throws SQLException {
        load(new SourceFile("a_orders.sql", """
                        create table orders (
                          id int primary key,
                          customer_id int not null references customers (id),
                          status order_status not null
                        );
                        create view open_orders as select o.id, c.name from orders o join customers c on c.id = o.customer_id;
                        create view big_customers as select * from vip;
                        """),
                new SourceFile("b_customers.sql", """
                        create table customers (id int primary key, name text);
                        create view vip as select * from customers where id < 10;
                        """),
                new SourceFile("c_types.sql", "create type order_status as enum ('open', 'closed');\n"));
        assertEquals("big_customers,customers,open_orders,orders,vip",
                query("select relname from pg_class where relnamespace = 'public'::regnamespace"
                        + " and relkind in ('r','v') order by 1"));
        assertEquals("orders_customer_id_fkey", query("select conname from pg_constraint where contype = 'f'"));
        assertEquals("order_status", query("select atttypid::regtype from pg_attribute"
                + " where attrelid = 'orders'::regclass and attname = 'status'"));
        assertTrue(connection.getAutoCommit());
    }

    @Test
    void sqlStandardBodiesDollarQuotesAndConcurrentIndexesLoad() throws SQLException {
        load(new SourceFile("f.sql", """
                create function sign_of(x int) returns text language sql
                begin atomic
                  select case when x > 0 then 'pos;' when x < 0 then 'neg' else 'zero' end;
                end;
                create function hello() returns text language plpgsql as $body$
                begin
                  return 'hi; {fn now()}';
                end
                $body$;
                create index concurrently t_a on t (a);
                create table t (a int);
                """));
        assertEquals("pos;", query("select sign_of(3)"));
        assertEquals("hi; {fn now()}", query("select hello()"));
        assertEquals("t_a", query("select indexrelid::regclass from pg_index where indrelid = 't'::regclass"));
    }

    @Test
    void unknownTypeIsReportedAtTheTypeName() {
        SourceFile file = new SourceFile("schema/t.sql", "create table t (\n  id int,\n  price moneyy not null\n);\n");
        BadInputException e = assertThrows(BadInputException.class, () -> load(file));
        assertEquals(1, e.diagnostics().size());
        Diagnostic d = e.diagnostics().get(0);
        assertEquals("schema/t.sql:3:9", d.span().toString());
        assertEquals("type \"moneyy\" does not exist", d.message());
        assertEquals(LoadFailure.MISSING_HINT, d.hint());
        assertEquals("  price moneyy not null", d.sourceLine());
    }

    @Test
    void syntaxErrorIsReportedAtTheServersPosition() {
        SourceFile file = new SourceFile("s.sql", "create table ok (a int);\n\ncreate tabel bad (a int);\n");
        BadInputException e = assertThrows(BadInputException.class, () -> load(file));
        Diagnostic d = e.diagnostics().get(0);
        assertEquals("s.sql:3:8", d.span().toString());
        assertEquals("syntax error at or near \"tabel\"", d.message());
    }

    @Test
    void severalErrorsComeBackSortedByFileAndLine() {
        SourceFile b = new SourceFile("b.sql", "create table b1 (x nosuchtype);\ncreate table b2 (y int references nowhere);\n");
        SourceFile a = new SourceFile("a.sql", "select 1;\ncreate view a1 as select * from missing_table;\n");
        BadInputException e = assertThrows(BadInputException.class, () -> load(b, a));
        assertEquals(List.of("a.sql:2:33", "b.sql:1:20", "b.sql:2:35"),
                e.diagnostics().stream().map(d -> d.span().toString()).toList());
        assertEquals("relation \"missing_table\" does not exist", e.diagnostics().get(0).message());
        assertEquals("relation \"nowhere\" does not exist", e.diagnostics().get(2).message());
        assertTrue(e.render().endsWith("3 errors in the desired state; nothing was changed.\n"));
    }

    @Test
    void undeclaredReferenceGetsAHintAndTheRestStillLoads() throws SQLException {
        SourceFile file = new SourceFile("x.sql", "create table good (a int);\ncreate index on ghost (a);\n");
        BadInputException e = assertThrows(BadInputException.class, () -> load(file));
        Diagnostic d = e.diagnostics().get(0);
        assertEquals("relation \"ghost\" does not exist", d.message());
        assertEquals("no desired-state file creates it: create it, or fix the name", d.hint());
        assertEquals("x.sql:2:17", d.span().toString());
        assertEquals("good", query("select relname from pg_class where relname = 'good'"));
    }

    @Test
    void aFailureCausedByAnotherFailureSaysWhereThatOneIs() {
        SourceFile t = new SourceFile("t.sql", "create table items (\n  price moneyy\n);\n");
        SourceFile v = new SourceFile("v.sql", "create view cheap as select * from items;\n");
        BadInputException e = assertThrows(BadInputException.class, () -> load(v, t));
        assertEquals(2, e.diagnostics().size());
        assertEquals(LoadFailure.MISSING_HINT, e.diagnostics().get(0).hint());
        Diagnostic view = e.diagnostics().get(1);
        assertEquals("v.sql:1:36", view.span().toString());
        assertEquals("it is declared at t.sql:1:1, which failed too; fix that first", view.hint());
    }

    @Test
    void noTransactionIsLeftOpenEvenWhenTheFilesOpenOneAndFail() throws SQLException {
        connection.setAutoCommit(false);
        SourceFile file = new SourceFile("tx.sql", "begin;\ncreate table a (x int);\ncreate table b (x nope);\ncommit;\n");
        assertThrows(BadInputException.class, () -> load(file));
        assertFalse(connection.getAutoCommit(), "autocommit restored to what the caller had");
        assertEquals(TransactionState.IDLE, connection.unwrap(BaseConnection.class).getTransactionState());
        connection.setAutoCommit(true);
        assertEquals("a", query("select relname from pg_class where relname in ('a', 'b')"));
    }

    @Test
    void emptyDesiredStateLoadsNothing() throws SQLException {
        new PostgresDesiredLoader().load(connection, List.of());
        assertEquals("0", query("select count(*) from pg_class where relnamespace = 'public'::regnamespace"));
        assertNull(connection.getWarnings());
    }

    @Test
    void pgDumpsPartitionedPrimaryKeySequenceLoadsInFileOrder() throws SQLException {
        // pg_dump writes the parent's key after ATTACH PARTITION, then attaches the partition's index to it.
        load(new SourceFile("structure.sql", """
                SELECT pg_catalog.set_config('search_path', '', false);
                CREATE TABLE public.events (id bigint NOT NULL, kind text NOT NULL) PARTITION BY LIST (kind);
                CREATE TABLE public.events_a (id bigint NOT NULL, kind text NOT NULL);
                ALTER TABLE ONLY public.events ATTACH PARTITION public.events_a FOR VALUES IN ('a');
                ALTER TABLE ONLY public.events ADD CONSTRAINT events_pkey PRIMARY KEY (id, kind);
                ALTER TABLE ONLY public.events_a ADD CONSTRAINT events_a_pkey PRIMARY KEY (id, kind);
                ALTER INDEX public.events_pkey ATTACH PARTITION public.events_a_pkey;
                """));
        assertEquals("events_pkey", query("select inhparent::regclass from pg_inherits"
                + " where inhrelid = 'events_a_pkey'::regclass"));
    }

    @Test
    void aRetriedStatementRunsUnderTheSearchPathInForceWhereItIsWritten() throws SQLException {
        load(new SourceFile("1_views.sql", """
                        SET search_path = app, public;
                        CREATE VIEW recent AS SELECT id FROM track;
                        """),
                new SourceFile("2_tables.sql", """
                        CREATE SCHEMA app;
                        SET search_path = app, public;
                        CREATE TABLE track (id int);
                        """),
                new SourceFile("3_public.sql", """
                        SET search_path = public;
                        CREATE TABLE other (x int);
                        """));
        assertEquals("app.recent,app.track,public.other", query("select relnamespace::regnamespace || '.' || relname"
                + " from pg_class where relname in ('recent', 'track', 'other') order by 1"));
        assertEquals("\"$user\", public", query("show search_path"), "the session ends as it began");
    }

    @Test
    void aTrailingInsertRunsWhereItIsWrittenAndIsListedAsData() throws SQLException {
        SourceFile file = new SourceFile("structure.sql", """
                SELECT pg_catalog.set_config('search_path', '', false);
                CREATE TABLE public.schema_migrations (version character varying NOT NULL);
                SET search_path TO "$user", public;
                INSERT INTO "schema_migrations" (version) VALUES ('1'), ('2');
                """);
        load(file);
        assertEquals("2", query("select count(*) from public.schema_migrations"));
        assertEquals(List.of("INSERT at structure.sql:4:1"),
                new PostgresDesiredLoader().parse(statements(file)).dataStatements());
    }

    @Test
    void withoutAParseTheLoadRunsTheStatementsTheParseWouldLoad() {
        List<SqlStatement> all = statements(new SourceFile("tx.sql", """
                BEGIN;
                CREATE TABLE a (x int);
                SET search_path = public;
                COMMIT;
                CREATE VIEW v AS SELECT x FROM a;
                """));
        PostgresDesiredLoader loader = new PostgresDesiredLoader();
        List<SqlStatement> unparsed = loader.loadableWithoutParse(all).orElseThrow().loadOrder();
        assertEquals(loader.parse(all).loadOrder(), unparsed);
        assertEquals(3, unparsed.size(), "BEGIN and COMMIT left out: " + unparsed);
    }

    @Test
    void anAbandonedLoadStopsAtTheNextBatch() throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < LoadBatches.SIZE + 50; i++) {
            sql.append("create table t").append(i).append(" (x int);\n");
        }
        List<SqlStatement> all = statements(new SourceFile("many.sql", sql.toString()));
        PostgresDesiredLoader loader = new PostgresDesiredLoader();
        AtomicInteger asked = new AtomicInteger();
        // Not abandoned before the first batch, abandoned from the second on.
        assertThrows(LoadAbandonedException.class, () -> loader.load(connection, loader.parse(all),
                () -> asked.incrementAndGet() > 1));
        assertEquals(String.valueOf(LoadBatches.SIZE),
                query("select count(*) from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'"));
    }
}
