package dev.converge.dialect.postgres.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.SourceSpan;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.source.SourceFile;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.source.SqlStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The dependency order from references, without a database: the statements are only parsed and
 * sorted (it finds the reference cycles); the loader itself keeps file order.
 */
class LoadOrderTest {
    private final PostgresDesiredLoader loader = new PostgresDesiredLoader();
    private final PostgresStatementSplitter splitter = new PostgresStatementSplitter();

    private List<String> order(SourceFile... files) {
        List<SqlStatement> statements = new ArrayList<>();
        for (SourceFile f : files) {
            statements.addAll(splitter.split(f));
        }
        return new LoadOrder(new SourceParser().parse(statements)).order().stream().map(SqlStatement::sql).toList();
    }

    private SourceModel parse(SourceFile... files) {
        List<SqlStatement> statements = new ArrayList<>();
        for (SourceFile f : files) {
            statements.addAll(splitter.split(f));
        }
        return loader.parse(statements);
    }

    @Test
    void referencesComeFirstAndFileOrderBreaksTies() {
        SourceFile file = new SourceFile("a.sql", """
                create view open_orders as select o.id from sales.orders o join customers c on c.id = o.customer_id;
                create table sales.orders (id int primary key, customer_id int references customers, status status);
                create table unrelated (x int);
                create type status as enum ('open');
                create table customers (id int primary key);
                create schema sales;
                """);
        assertEquals(List.of(
                "create table unrelated (x int)",
                "create type status as enum ('open')",
                "create table customers (id int primary key)",
                "create schema sales",
                "create table sales.orders (id int primary key, customer_id int references customers, status status)",
                "create view open_orders as select o.id from sales.orders o join customers c on c.id = o.customer_id"),
                order(file));
    }

    @Test
    void aForeignKeyWaitsForTheAlterTableThatAddsTheKeyItNeeds() {
        SourceFile file = new SourceFile("a.sql", """
                create table lines (order_id int references orders (id));
                alter table orders add primary key (id);
                create table orders (id int not null);
                """);
        assertEquals(List.of("create table orders (id int not null)", "alter table orders add primary key (id)",
                "create table lines (order_id int references orders (id))"), order(file));
    }

    @Test
    void sequencesNamedInStringsAndFunctionsInDefaultsAreReferences() {
        SourceFile file = new SourceFile("a.sql", """
                create table t (id bigint default nextval('ids'), code text default next_code());
                create function next_code() returns text language sql as $$ select 'x' $$;
                create sequence ids;
                """);
        assertEquals(List.of(
                "create function next_code() returns text language sql as $$ select 'x' $$",
                "create sequence ids",
                "create table t (id bigint default nextval('ids'), code text default next_code())"), order(file));
    }

    /** STRICT's long form parses wherever it is written, even after LANGUAGE (sqldef's corpus has it there). */
    @Test
    void returnsNullOnNullInputIsAnOptionNotAResultType() {
        SourceFile file = new SourceFile("a.sql", """
                create function double_value(val integer) returns integer as $$ begin return val * 2; end; $$
                  language plpgsql returns null on null input;
                create table t (x int default double_value(1));
                """);
        assertEquals(List.of("create function double_value(val integer) returns integer as $$ begin return val * 2;"
                + " end; $$\n  language plpgsql returns null on null input",
                "create table t (x int default double_value(1))"), order(file));
    }

    @Test
    void theLoadOrderIsFileOrderWithSettingsInPlaceAndTransactionControlDropped() {
        SourceFile file = new SourceFile("a.sql", "begin;\ncreate view v as select x from a;\ncreate table a (x int);\n"
                + "set check_function_bodies = off;\ncommit;\n");
        assertEquals(List.of("create view v as select x from a", "create table a (x int)",
                "set check_function_bodies = off"), parse(file).loadOrder().stream().map(SqlStatement::sql).toList());
    }

    @Test
    void aForeignKeyCycleIsReportedAtBothStatements() {
        SourceFile a = new SourceFile("a.sql", "create table a (id int primary key, b_id int references b);\n");
        SourceFile b = new SourceFile("b.sql", "\ncreate table b (id int primary key, a_id int references a);\n");
        BadInputException e = assertThrows(BadInputException.class, () -> parse(a, b));
        assertEquals(List.of(
                "a.sql:1:57: reference cycle: this statement needs public.b (declared at b.sql:2:1), which needs"
                        + " public.a (declared at a.sql:1:1)",
                "b.sql:2:57: reference cycle: this statement needs public.a (declared at a.sql:1:1), which needs"
                        + " public.b (declared at b.sql:2:1)"),
                e.diagnostics().stream().map(d -> d.span() + ": " + d.message()).toList());
        assertTrue(e.diagnostics().get(0).hint().contains("ALTER TABLE ... ADD CONSTRAINT"));
    }

    @Test
    void twoCyclesAreEachReportedAndWhatDependsOnThemStillComesAfter() {
        SourceFile file = new SourceFile("a.sql", """
                create table a (id int primary key, b_id int references b);
                create table b (id int primary key, c_id int references c);
                create table c (id int primary key, a_id int references a);
                create table d (id int primary key, e_id int references e);
                create table e (id int primary key, d_id int references d);
                create view v as select a.id from a join e on e.id = a.id;
                """);
        BadInputException e = assertThrows(BadInputException.class, () -> parse(file));
        assertEquals(List.of("a.sql:1:57", "a.sql:2:57", "a.sql:3:57", "a.sql:4:57", "a.sql:5:57"),
                e.diagnostics().stream().map(d -> d.span().toString()).toList());
        assertEquals("reference cycle: this statement needs public.b (declared at a.sql:2:1), which needs public.c"
                + " (declared at a.sql:3:1), which needs public.a (declared at a.sql:1:1)", e.diagnostics().get(0).message());
        List<String> ordered = order(file);
        assertEquals("create view v as select a.id from a join e on e.id = a.id", ordered.get(ordered.size() - 1));
    }

    @Test
    void aCycleThroughANameInAQueryIsNotAnError() {
        // "b" after FROM is a common table expression, not the view b; the cycle it suggests is not real.
        SourceFile file = new SourceFile("a.sql", """
                create view a as with b as (select 1 as x) select x from b;
                create view b as select x from a;
                """);
        assertEquals(List.of("create view a as with b as (select 1 as x) select x from b",
                "create view b as select x from a"), order(file));
    }

    @Test
    void declarationsKnowTheirFileAndLine() {
        SourceFile file = new SourceFile("schema/orders.sql", """
                create schema sales;

                create table sales.orders (
                  id int primary key,
                  -- converge:renamed-from amount
                  total numeric,
                  constraint total_positive check (total > 0)
                );
                create index orders_total on sales.orders (total);
                """);
        SourceModel model = parse(file);
        QualifiedName orders = QualifiedName.of("sales", "orders");
        assertEquals("schema/orders.sql:1", model.describe(ObjectRef.schema("sales")));
        assertEquals("schema/orders.sql:3", model.describe(ObjectRef.of(ObjectKind.TABLE, orders)));
        assertEquals("schema/orders.sql:6", model.describe(ObjectRef.member(ObjectKind.COLUMN, orders, "total")));
        assertEquals("schema/orders.sql:7",
                model.describe(ObjectRef.member(ObjectKind.CONSTRAINT, orders, "total_positive")));
        assertEquals("schema/orders.sql:9",
                model.describe(ObjectRef.of(ObjectKind.INDEX, QualifiedName.of("sales", "orders_total"))));
        // An unnamed constraint is found through its table.
        assertEquals("schema/orders.sql:3",
                model.describe(ObjectRef.member(ObjectKind.CONSTRAINT, orders, "orders_pkey")));
        SourceSpan column = model.locate(ObjectRef.member(ObjectKind.COLUMN, orders, "total")).orElseThrow();
        assertEquals(3, column.column());
    }

    /** Issue 14, item 14: a routine's step (and its SARIF result) names its declaring line, whatever the signature. */
    @Test
    void routinesKnowTheirDeclaringLineUnderTheServersSignature() {
        SourceFile file = new SourceFile("schema/fn.sql", """
                create schema sales;

                create function sales.total(a int) returns int
                  language sql as $$ select a $$;

                create procedure sales.tidy() language sql as $$ select 1 $$;
                """);
        SourceModel model = parse(file);
        assertEquals("schema/fn.sql:3",
                model.describe(ObjectRef.of(ObjectKind.ROUTINE, QualifiedName.of("sales", "total(integer)"))));
        assertEquals("schema/fn.sql:6",
                model.describe(ObjectRef.of(ObjectKind.ROUTINE, QualifiedName.of("sales", "tidy()"))));
    }

    @Test
    void shuffledStatementsLoadInTheSameDependencyRespectingOrder() {
        List<String> sql = List.of("create schema s", "create type s.kind as enum ('a')",
                "create table s.parent (id int primary key, k s.kind)",
                "create table s.child (id int, parent_id int references s.parent)",
                "create view s.v as select c.id from s.child c join s.parent p on p.id = c.parent_id",
                "create index child_parent on s.child (parent_id)");
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            List<String> shuffled = new ArrayList<>(sql);
            Collections.shuffle(shuffled, random);
            List<String> ordered = order(new SourceFile("x.sql", String.join(";\n", shuffled) + ";\n"));
            // Each statement after the first needs the one before it, except the index, which needs the child.
            for (int i = 1; i < sql.size(); i++) {
                String needed = sql.get(i == 5 ? 3 : i - 1);
                assertTrue(ordered.indexOf(needed) < ordered.indexOf(sql.get(i)),
                        needed + " must load before " + sql.get(i) + " in " + ordered);
            }
        }
    }
}
