package dev.converge.dialect.postgres.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.AddConstraint;
import dev.converge.engine.change.AddEnumValue;
import dev.converge.engine.change.AddForeignKey;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.AlterSequence;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.CreateEnum;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.CreateSchema;
import dev.converge.engine.change.CreateSequence;
import dev.converge.engine.change.CreateTable;
import dev.converge.engine.change.CreateView;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.change.DropConstraint;
import dev.converge.engine.change.DropEnum;
import dev.converge.engine.change.DropForeignKey;
import dev.converge.engine.change.DropIndex;
import dev.converge.engine.change.DropSchema;
import dev.converge.engine.change.DropSequence;
import dev.converge.engine.change.DropTable;
import dev.converge.engine.change.DropView;
import dev.converge.engine.change.SetComment;
import dev.converge.engine.change.SetSequenceOwner;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.EnumType;
import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.NamedSchema;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Sequence;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import dev.converge.engine.model.View;
import dev.converge.engine.plan.DdlStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the statements of a representative plan on a real PostgreSQL, in plan order, to prove they are
 * valid SQL and do what they say; the changes use the server's canonical, schema-qualified spellings
 * as the inspector produces them. Names need quoting ("Sales", "Orders") on purpose.
 */
class GeneratedSqlRunsOnPostgresTest {
    private static final String S = "Sales";
    private static final QualifiedName ORDERS = QualifiedName.of(S, "Orders");
    private static final QualifiedName CUSTOMERS = QualifiedName.of(S, "customers");
    private final PostgresSqlGenerator generator = new PostgresSqlGenerator();

    private static Column col(String name, String type, boolean notNull, String def, Identity identity,
                              String generated, String collation) {
        return new Column(name, type, notNull, def, identity, null, generated, collation, null, List.of());
    }

    @Test
    void representativePlanRunsAndLeavesTheExpectedCatalog() throws SQLException {
        NamedSchema schema = new NamedSchema(S, null);
        EnumType mood = new EnumType(QualifiedName.of(S, "mood"), List.of("sad", "ok"), null);
        Sequence seq = new Sequence(QualifiedName.of(S, "order_no"), "bigint", 100, 1, 1, Long.MAX_VALUE, 1,
                false, null, null);
        Sequence owned = new Sequence(seq.name(), "bigint", 100, 1, 1, Long.MAX_VALUE, 1, false,
                ObjectRef.member(ObjectKind.COLUMN, ORDERS, "no"), null);
        Sequence altered = new Sequence(seq.name(), "integer", 100, 2, 1, 1_000_000, 5, true,
                owned.ownedBy(), null);
        TableConstraint customersPk = new TableConstraint("customers_pkey", ConstraintKind.PRIMARY_KEY,
                "PRIMARY KEY (id)", List.of("id"), null);
        Table customers = new Table(CUSTOMERS, List.of(
                col("id", "bigint", true, null, Identity.ALWAYS, null, null),
                col("name", "text", true, "'x'::text", Identity.NONE, null, "\"C\"")), List.of(customersPk), null);
        TableConstraint positive = new TableConstraint("total_positive", ConstraintKind.CHECK,
                "CHECK ((total >= (0)::numeric))", List.of("total"), null);
        Column code10 = Column.of("code", "character varying(10)", false);
        Column n = col("n", "integer", false, "0", Identity.NONE, null, null);
        Column plainCounter = Column.of("counter", "integer", false);
        Table orders = new Table(ORDERS, List.of(
                col("id", "bigint", true, null, Identity.BY_DEFAULT, null, null),
                Column.of("customer_id", "bigint", false),
                col("total", "numeric(10,2)", true, "0", Identity.NONE, null, null),
                col("doubled", "numeric", false, null, Identity.NONE, "(total * (2)::numeric)", null),
                col("mood", "\"Sales\".mood", false, "'sad'::\"Sales\".mood", Identity.NONE, null, null),
                col("no", "bigint", false, "nextval('\"Sales\".order_no'::regclass)", Identity.NONE, null, null),
                code10, n, plainCounter),
                List.of(new TableConstraint("Orders_pkey", ConstraintKind.PRIMARY_KEY, "PRIMARY KEY (id)",
                        List.of("id"), null), positive), null);
        Column note = col("note", "text", false, "'none'::text", Identity.NONE, null, null);
        TableConstraint codeUnique = new TableConstraint("orders_code_key", ConstraintKind.UNIQUE, "UNIQUE (code)",
                List.of("code"), null);
        ForeignKey fk = new ForeignKey(ORDERS, "orders_customer_fk", List.of("customer_id"), CUSTOMERS,
                List.of("id"), "FOREIGN KEY (customer_id) REFERENCES \"Sales\".customers(id) ON DELETE CASCADE",
                null);
        Index index = new Index(QualifiedName.of(S, "orders_total_idx"), ORDERS, false, "btree", List.of("total"),
                List.of(), "(total > (10)::numeric)",
                "CREATE INDEX orders_total_idx ON \"Sales\".\"Orders\" USING btree (total) WHERE (total > (10)::numeric)",
                null);
        View view = new View(QualifiedName.of(S, "big_orders"),
                " SELECT \"Orders\".id,\n    \"Orders\".total\n   FROM \"Sales\".\"Orders\"\n  WHERE \"Orders\".total > 100::numeric;",
                List.of("security_barrier=true"), List.of(), null);

        List<Change> plan = List.of(
                new CreateSchema(schema),
                new CreateEnum(mood),
                new AddEnumValue(mood, "happy", "ok"),
                new AddEnumValue(mood, "ecstatic", null),
                new CreateSequence(seq),
                new CreateTable(customers),
                new CreateTable(orders),
                new SetSequenceOwner(owned),
                new AlterSequence(owned, altered),
                new AddColumn(ORDERS, note),
                new AlterColumn(ORDERS, code10, Column.of("code", "character varying(20)", false),
                        EnumSet.of(ColumnChangeKind.TYPE)),
                new AlterColumn(ORDERS, n, col("n", "text", true, "'0'::text", Identity.NONE, null, "\"C\""),
                        EnumSet.of(ColumnChangeKind.TYPE, ColumnChangeKind.DEFAULT, ColumnChangeKind.COLLATION,
                                ColumnChangeKind.NOT_NULL)),
                new AlterColumn(ORDERS, plainCounter, col("counter", "integer", true, null, Identity.ALWAYS, null, null),
                        EnumSet.of(ColumnChangeKind.IDENTITY, ColumnChangeKind.NOT_NULL)),
                new AddConstraint(ORDERS, codeUnique),
                new AddForeignKey(fk),
                new CreateIndex(index),
                new CreateView(view),
                new SetComment(schema.ref(), "sales data"),
                new SetComment(orders.ref(), "one row per order"),
                new SetComment(ObjectRef.member(ObjectKind.COLUMN, ORDERS, "total"), "gross, it's in EUR"),
                new SetComment(ObjectRef.member(ObjectKind.CONSTRAINT, ORDERS, "total_positive"), "no refunds"),
                new SetComment(fk.ref(), "cascade"),
                new SetComment(index.ref(), "hot orders"),
                new SetComment(view.ref(), "view"),
                new SetComment(seq.ref(), "order numbers"),
                new SetComment(mood.ref(), "moods"));

        try (LocalPostgres db = LocalPostgres.create("sqlgen"); Connection c = db.connect()) {
            run(c, plan);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO \"Sales\".customers DEFAULT VALUES");
                st.execute("INSERT INTO \"Sales\".\"Orders\" (customer_id, total, code) "
                        + "SELECT id, 150, 'abcdefghijklmno' FROM \"Sales\".customers");
            }
            assertEquals(List.of("sad|happy|ok|ecstatic"),
                    query(c, "SELECT string_agg(enumlabel, '|' ORDER BY enumsortorder) FROM pg_enum"
                            + " WHERE enumtypid = '\"Sales\".mood'::regtype"));
            assertEquals(List.of("code|character varying(20)||f", "counter|integer|a|t", "n|text||t",
                            "note|text||f"),
                    query(c, "SELECT concat_ws('|', attname, format_type(atttypid, atttypmod), attidentity, attnotnull)"
                            + " FROM pg_attribute WHERE attrelid = '\"Sales\".\"Orders\"'::regclass"
                            + " AND attname IN ('code', 'n', 'counter', 'note') ORDER BY attname"));
            assertEquals(List.of("'0'::text|C"), query(c, "SELECT pg_get_expr(d.adbin, d.adrelid) || '|' || co.collname"
                    + " FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " JOIN pg_collation co ON co.oid = a.attcollation"
                    + " WHERE a.attrelid = '\"Sales\".\"Orders\"'::regclass AND a.attname = 'n'"));
            assertEquals(List.of("100|1|150.00|300.00|sad|none"), query(c, "SELECT no || '|'"
                    + " || counter || '|' || total || '|' || doubled || '|' || mood || '|' || note FROM \"Sales\".big_orders"
                    + " JOIN \"Sales\".\"Orders\" USING (id, total)"));
            assertEquals(List.of("\"Sales\".\"Orders\".no|integer|2|5|true"), query(c,
                    "SELECT d.refobjid::regclass || '.' || a.attname || '|' || format_type(s.seqtypid, NULL) || '|'"
                            + " || s.seqincrement || '|' || s.seqcache || '|' || s.seqcycle FROM pg_sequence s"
                            + " JOIN pg_depend d ON d.objid = s.seqrelid AND d.deptype = 'a'"
                            + " JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
                            + " WHERE s.seqrelid = '\"Sales\".order_no'::regclass"));
            assertEquals(List.of("gross, it's in EUR"), query(c, "SELECT col_description("
                    + "'\"Sales\".\"Orders\"'::regclass, 3)"));
            assertEquals(List.of("cascade", "no refunds"), query(c, "SELECT obj_description(oid, 'pg_constraint')"
                    + " FROM pg_constraint WHERE conname IN ('orders_customer_fk', 'total_positive') ORDER BY 1"));
            assertEquals(List.of("sales data|hot orders|view|order numbers|moods|one row per order"), query(c,
                    "SELECT obj_description('\"Sales\"'::regnamespace, 'pg_namespace') || '|'"
                            + " || obj_description('\"Sales\".orders_total_idx'::regclass, 'pg_class') || '|'"
                            + " || obj_description('\"Sales\".big_orders'::regclass, 'pg_class') || '|'"
                            + " || obj_description('\"Sales\".order_no'::regclass, 'pg_class') || '|'"
                            + " || obj_description('\"Sales\".mood'::regtype, 'pg_type') || '|'"
                            + " || obj_description('\"Sales\".\"Orders\"'::regclass, 'pg_class')"));
            // the foreign key is enforced: no customer 999
            try (Statement st = c.createStatement()) {
                assertThrows(SQLException.class, () -> st.execute(
                        "INSERT INTO \"Sales\".\"Orders\" (customer_id, total) VALUES (999, 1)"));
            }

            Sequence unowned = new Sequence(seq.name(), "integer", 100, 2, 1, 1_000_000, 5, true, null, null);
            run(c, List.of(
                    new SetComment(orders.ref(), null),
                    new DropView(view),
                    new DropIndex(index),
                    new DropForeignKey(fk),
                    new DropConstraint(ORDERS, codeUnique),
                    new DropColumn(ORDERS, note),
                    new SetSequenceOwner(unowned),
                    new AlterColumn(ORDERS, orders.columns().get(5), Column.of("no", "bigint", false),
                            EnumSet.of(ColumnChangeKind.DEFAULT)),
                    new DropSequence(unowned),
                    new DropTable(orders),
                    new DropTable(customers),
                    new DropEnum(mood),
                    new DropSchema(schema)));
            assertEquals(List.of("0"), query(c, "SELECT count(*) FROM pg_namespace WHERE nspname = 'Sales'"));
        }
    }

    @Test
    void narrowingVarcharFailsInsteadOfTruncating() throws SQLException {
        QualifiedName t = QualifiedName.of("public", "t");
        Column wide = Column.of("c", "character varying(10)", false);
        try (LocalPostgres db = LocalPostgres.create("sqlgen"); Connection c = db.connect()) {
            run(c, List.of(new CreateTable(new Table(t, List.of(wide), List.of(), null))));
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO public.t VALUES ('abcdefghij')");
            }
            List<String> sql = DdlStatement.texts(generator.statements(new AlterColumn(t, wide,
                    Column.of("c", "character varying(5)", false), EnumSet.of(ColumnChangeKind.TYPE))));
            assertFalse(sql.get(0).contains("USING"), sql.get(0));
            SQLException e = assertThrows(SQLException.class, () -> run(c, List.of(new AlterColumn(t, wide,
                    Column.of("c", "character varying(5)", false), EnumSet.of(ColumnChangeKind.TYPE)))));
            assertEquals("22001", e.getSQLState()); // string_data_right_truncation, nothing was cut
            assertEquals(List.of("abcdefghij"), query(c, "SELECT c FROM public.t"));
        }
    }

    private void run(Connection c, List<Change> changes) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (Change change : changes) {
                for (String sql : DdlStatement.texts(generator.statements(change))) {
                    try {
                        st.execute(sql);
                    } catch (SQLException e) {
                        throw new SQLException(change.target() + ": " + e.getMessage() + "\n" + sql,
                                e.getSQLState(), e);
                    }
                }
            }
        }
    }

    private static List<String> query(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
