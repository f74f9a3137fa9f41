package dev.converge.dialect.postgres.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import dev.converge.engine.model.IdentityOptions;
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
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact SQL of every change kind (no database involved). */
class PostgresSqlGeneratorTest {
    static final QualifiedName T = QualifiedName.of("app", "Orders");
    static final PostgresSqlGenerator GEN = new PostgresSqlGenerator();

    static Column col(String name, String type, boolean notNull, String def, Identity identity, String generated,
                      String collation) {
        return new Column(name, type, notNull, def, identity, null, generated, collation, null, List.of());
    }

    static AlterColumn alter(Column from, Column to, ColumnChangeKind... kinds) {
        return new AlterColumn(T, from, to, EnumSet.of(kinds[0], kinds));
    }

    static final Sequence SEQ = new Sequence(QualifiedName.of("app", "order_no"), "bigint", 1, 1, 1,
            Long.MAX_VALUE, 1, false, null, null);
    static final EnumType MOOD = new EnumType(QualifiedName.of("app", "mood"), List.of("sad", "it's ok"), null);
    static final TableConstraint PK = new TableConstraint("Orders_pkey", ConstraintKind.PRIMARY_KEY,
            "PRIMARY KEY (id)", List.of("id"), null);
    static final ForeignKey FK = new ForeignKey(T, "orders_customer_fk", List.of("customer_id"),
            QualifiedName.of("app", "customers"), List.of("id"),
            "FOREIGN KEY (customer_id) REFERENCES app.customers(id) ON DELETE CASCADE", null);
    static final Index IDX = new Index(QualifiedName.of("app", "orders_total_idx"), T, false, "btree",
            List.of("total"), List.of(), null,
            "CREATE INDEX orders_total_idx ON app.\"Orders\" USING btree (total)", null);

    static Stream<Arguments> cases() {
        Column id = col("id", "bigint", true, null, Identity.ALWAYS, null, null);
        Column note = col("note", "text", true, "'x'::text", Identity.NONE, null, "\"C\"");
        Column doubled = col("doubled", "numeric(12,2)", false, null, Identity.NONE, "(total * (2)::numeric)", null);
        Table table = new Table(T, List.of(id, note, doubled), List.of(PK), "ignored comment");
        Column v10 = Column.of("code", "character varying(10)", false);
        Column v20 = Column.of("code", "character varying(20)", false);
        Column n = col("n", "integer", false, "0", Identity.NONE, null, null);
        Column nText = col("n", "text", false, "'0'::text", Identity.NONE, null, null);
        Column plainN = Column.of("n", "integer", false);
        Column notNullN = Column.of("n", "integer", true);
        Column identityN = col("n", "integer", true, null, Identity.BY_DEFAULT, null, null);
        Column alwaysN = col("n", "integer", true, null, Identity.ALWAYS, null, null);
        Sequence seq2 = new Sequence(SEQ.name(), "integer", 1, 5, 1, Integer.MAX_VALUE, 1, true, null, null);
        Sequence owned = new Sequence(SEQ.name(), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false,
                ObjectRef.member(ObjectKind.COLUMN, T, "no"), null);
        IdentityOptions intDefaults = new IdentityOptions(1, 1, 1, Integer.MAX_VALUE, 1, false);
        Column plainIdentity = Column.identity("n", "integer", Identity.ALWAYS, intDefaults);
        Column start7By2 = Column.identity("n", "integer", Identity.ALWAYS,
                new IdentityOptions(7, 2, 1, Integer.MAX_VALUE, 1, false));
        Column allOptions = Column.identity("n", "smallint", Identity.BY_DEFAULT,
                new IdentityOptions(50, 5, 10, 100, 20, true));
        Column descending = Column.identity("n", "bigint", Identity.ALWAYS,
                new IdentityOptions(-1, -1, Long.MIN_VALUE, -1, 1, false));
        Column bigDefaults = Column.identity("n", "bigint", Identity.ALWAYS,
                new IdentityOptions(1, 1, 1, Long.MAX_VALUE, 10, false));
        View view = new View(QualifiedName.of("app", "big_orders"), " SELECT id\n   FROM app.\"Orders\";",
                List.of("security_barrier=true", "check_option=local"), List.of(), null);
        return Stream.of(
                Arguments.of(new CreateSchema(new NamedSchema("app", null)), List.of("CREATE SCHEMA \"app\"")),
                Arguments.of(new DropSchema(new NamedSchema("app", null)), List.of("DROP SCHEMA \"app\"")),
                Arguments.of(new CreateEnum(MOOD), List.of("CREATE TYPE \"app\".\"mood\" AS ENUM ('sad', 'it''s ok')")),
                Arguments.of(new DropEnum(MOOD), List.of("DROP TYPE \"app\".\"mood\"")),
                Arguments.of(new AddEnumValue(MOOD, "happy", "sad"),
                        List.of("ALTER TYPE \"app\".\"mood\" ADD VALUE 'happy' BEFORE 'sad'")),
                Arguments.of(new AddEnumValue(MOOD, "happy", null),
                        List.of("ALTER TYPE \"app\".\"mood\" ADD VALUE 'happy'")),
                Arguments.of(new CreateSequence(SEQ), List.of("CREATE SEQUENCE \"app\".\"order_no\" AS bigint"
                        + " INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE")),
                Arguments.of(new AlterSequence(SEQ, seq2), List.of("ALTER SEQUENCE \"app\".\"order_no\" AS integer"
                        + " INCREMENT BY 5 MINVALUE 1 MAXVALUE 2147483647 CYCLE")),
                Arguments.of(new AlterSequence(SEQ, new Sequence(SEQ.name(), "bigint", 10, 1, 1, Long.MAX_VALUE, 20,
                        false, null, null)), List.of("ALTER SEQUENCE \"app\".\"order_no\" START WITH 10 CACHE 20")),
                Arguments.of(new DropSequence(SEQ), List.of("DROP SEQUENCE \"app\".\"order_no\"")),
                Arguments.of(new SetSequenceOwner(owned),
                        List.of("ALTER SEQUENCE \"app\".\"order_no\" OWNED BY \"app\".\"Orders\".\"no\"")),
                Arguments.of(new SetSequenceOwner(SEQ), List.of("ALTER SEQUENCE \"app\".\"order_no\" OWNED BY NONE")),
                Arguments.of(new CreateTable(table), List.of("CREATE TABLE \"app\".\"Orders\" (\n"
                        + "    \"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,\n"
                        + "    \"note\" text COLLATE \"C\" DEFAULT 'x'::text NOT NULL,\n"
                        + "    \"doubled\" numeric(12,2) GENERATED ALWAYS AS ((total * (2)::numeric)) STORED,\n"
                        + "    CONSTRAINT \"Orders_pkey\" PRIMARY KEY (id)\n)")),
                Arguments.of(new DropTable(table), List.of("DROP TABLE \"app\".\"Orders\"")),
                Arguments.of(new AddColumn(T, note),
                        List.of("ALTER TABLE \"app\".\"Orders\" ADD COLUMN \"note\" text COLLATE \"C\" DEFAULT 'x'::text NOT NULL")),
                Arguments.of(new DropColumn(T, note), List.of("ALTER TABLE \"app\".\"Orders\" DROP COLUMN \"note\"")),
                Arguments.of(alter(v10, v20, ColumnChangeKind.TYPE),
                        List.of("ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"code\" TYPE character varying(20)")),
                Arguments.of(alter(n, nText, ColumnChangeKind.TYPE, ColumnChangeKind.DEFAULT), List.of(
                        "ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" DROP DEFAULT",
                        "ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" TYPE text USING \"n\"::text",
                        "ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" SET DEFAULT '0'::text")),
                Arguments.of(alter(v10, col("code", "character varying(10)", false, null, Identity.NONE, null, "\"C\""),
                        ColumnChangeKind.COLLATION), List.of(
                        "ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"code\" TYPE character varying(10) COLLATE \"C\"")),
                Arguments.of(alter(n, plainN, ColumnChangeKind.DEFAULT),
                        List.of("ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" DROP DEFAULT")),
                Arguments.of(alter(plainN, n, ColumnChangeKind.DEFAULT),
                        List.of("ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" SET DEFAULT 0")),
                Arguments.of(alter(plainN, notNullN, ColumnChangeKind.NOT_NULL),
                        List.of("ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" SET NOT NULL")),
                Arguments.of(alter(notNullN, plainN, ColumnChangeKind.NOT_NULL),
                        List.of("ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" DROP NOT NULL")),
                Arguments.of(alter(n, identityN, ColumnChangeKind.DEFAULT, ColumnChangeKind.IDENTITY,
                        ColumnChangeKind.NOT_NULL), List.of(
                        "ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" DROP DEFAULT",
                        "ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" SET NOT NULL",
                        "ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" ADD GENERATED BY DEFAULT AS IDENTITY")),
                Arguments.of(alter(identityN, alwaysN, ColumnChangeKind.IDENTITY),
                        List.of("ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" SET GENERATED ALWAYS")),
                Arguments.of(alter(identityN, plainN, ColumnChangeKind.IDENTITY, ColumnChangeKind.NOT_NULL), List.of(
                        "ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" DROP IDENTITY",
                        "ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" DROP NOT NULL")),
                Arguments.of(new AddColumn(T, plainIdentity), List.of(
                        "ALTER TABLE \"app\".\"Orders\" ADD COLUMN \"n\" integer GENERATED ALWAYS AS IDENTITY NOT NULL")),
                Arguments.of(new AddColumn(T, start7By2), List.of("ALTER TABLE \"app\".\"Orders\" ADD COLUMN \"n\""
                        + " integer GENERATED ALWAYS AS IDENTITY (START WITH 7 INCREMENT BY 2) NOT NULL")),
                Arguments.of(new AddColumn(T, allOptions), List.of("ALTER TABLE \"app\".\"Orders\" ADD COLUMN \"n\""
                        + " smallint GENERATED BY DEFAULT AS IDENTITY (START WITH 50 INCREMENT BY 5 MINVALUE 10"
                        + " MAXVALUE 100 CACHE 20 CYCLE) NOT NULL")),
                Arguments.of(new AddColumn(T, descending), List.of("ALTER TABLE \"app\".\"Orders\" ADD COLUMN \"n\""
                        + " bigint GENERATED ALWAYS AS IDENTITY (INCREMENT BY -1) NOT NULL")),
                Arguments.of(new CreateTable(new Table(T, List.of(start7By2), List.of(), null)), List.of(
                        "CREATE TABLE \"app\".\"Orders\" (\n    \"n\" integer GENERATED ALWAYS AS IDENTITY"
                                + " (START WITH 7 INCREMENT BY 2) NOT NULL\n)")),
                Arguments.of(alter(notNullN, start7By2, ColumnChangeKind.IDENTITY), List.of(
                        "ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" ADD GENERATED ALWAYS AS IDENTITY"
                                + " (START WITH 7 INCREMENT BY 2)")),
                Arguments.of(alter(plainIdentity, start7By2, ColumnChangeKind.IDENTITY_OPTIONS), List.of(
                        "ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" SET START WITH 7 SET INCREMENT BY 2")),
                Arguments.of(alter(Column.identity("n", "smallint", Identity.BY_DEFAULT,
                        new IdentityOptions(1, 1, 1, Short.MAX_VALUE, 1, false)), allOptions,
                        ColumnChangeKind.IDENTITY_OPTIONS), List.of("ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\""
                        + " SET START WITH 50 SET INCREMENT BY 5 SET MINVALUE 10 SET MAXVALUE 100 SET CACHE 20 SET CYCLE")),
                Arguments.of(alter(start7By2, Column.identity("n", "integer", Identity.BY_DEFAULT,
                        new IdentityOptions(7, 2, 1, Integer.MAX_VALUE, 1, true)), ColumnChangeKind.IDENTITY,
                        ColumnChangeKind.IDENTITY_OPTIONS), List.of(
                        "ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" SET GENERATED BY DEFAULT",
                        "ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" SET CYCLE")),
                // integer -> bigint moves a maximum that was integer's limit to bigint's by itself
                Arguments.of(alter(plainIdentity, bigDefaults, ColumnChangeKind.TYPE, ColumnChangeKind.IDENTITY_OPTIONS),
                        List.of("ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" TYPE bigint",
                                "ALTER TABLE \"app\".\"Orders\" ALTER COLUMN \"n\" SET CACHE 10")),
                Arguments.of(new SetComment(ObjectRef.member(ObjectKind.COLUMN, view.name(), "id"), "the id"),
                        List.of("COMMENT ON COLUMN \"app\".\"big_orders\".\"id\" IS 'the id'")),
                Arguments.of(new AddConstraint(T, PK),
                        List.of("ALTER TABLE \"app\".\"Orders\" ADD CONSTRAINT \"Orders_pkey\" PRIMARY KEY (id)")),
                Arguments.of(new DropConstraint(T, PK),
                        List.of("ALTER TABLE \"app\".\"Orders\" DROP CONSTRAINT \"Orders_pkey\"")),
                Arguments.of(new AddForeignKey(FK), List.of("ALTER TABLE \"app\".\"Orders\" ADD CONSTRAINT"
                        + " \"orders_customer_fk\" FOREIGN KEY (customer_id) REFERENCES app.customers(id) ON DELETE CASCADE")),
                Arguments.of(new DropForeignKey(FK),
                        List.of("ALTER TABLE \"app\".\"Orders\" DROP CONSTRAINT \"orders_customer_fk\"")),
                Arguments.of(new CreateIndex(IDX),
                        List.of("CREATE INDEX orders_total_idx ON app.\"Orders\" USING btree (total)")),
                Arguments.of(new DropIndex(IDX), List.of("DROP INDEX \"app\".\"orders_total_idx\"")),
                Arguments.of(new CreateView(view), List.of("CREATE VIEW \"app\".\"big_orders\""
                        + " WITH (check_option=local, security_barrier=true) AS\nSELECT id\n   FROM app.\"Orders\"")),
                Arguments.of(new DropView(view), List.of("DROP VIEW \"app\".\"big_orders\"")),
                Arguments.of(new SetComment(ObjectRef.schema("app"), "the app"),
                        List.of("COMMENT ON SCHEMA \"app\" IS 'the app'")),
                Arguments.of(new SetComment(table.ref(), "it's orders"),
                        List.of("COMMENT ON TABLE \"app\".\"Orders\" IS 'it''s orders'")),
                Arguments.of(new SetComment(ObjectRef.member(ObjectKind.COLUMN, T, "note"), null),
                        List.of("COMMENT ON COLUMN \"app\".\"Orders\".\"note\" IS NULL")),
                Arguments.of(new SetComment(view.ref(), "v"), List.of("COMMENT ON VIEW \"app\".\"big_orders\" IS 'v'")),
                Arguments.of(new SetComment(SEQ.ref(), "s"), List.of("COMMENT ON SEQUENCE \"app\".\"order_no\" IS 's'")),
                Arguments.of(new SetComment(MOOD.ref(), "e"), List.of("COMMENT ON TYPE \"app\".\"mood\" IS 'e'")),
                Arguments.of(new SetComment(IDX.ref(), "i"),
                        List.of("COMMENT ON INDEX \"app\".\"orders_total_idx\" IS 'i'")),
                Arguments.of(new SetComment(ObjectRef.member(ObjectKind.CONSTRAINT, T, "Orders_pkey"), "pk"),
                        List.of("COMMENT ON CONSTRAINT \"Orders_pkey\" ON \"app\".\"Orders\" IS 'pk'")),
                Arguments.of(new SetComment(FK.ref(), "fk"),
                        List.of("COMMENT ON CONSTRAINT \"orders_customer_fk\" ON \"app\".\"Orders\" IS 'fk'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void generatesExactSql(Change change, List<String> expected) {
        assertEquals(expected, DdlStatement.texts(GEN.statements(change)));
    }

    @Test
    void changedGenerationExpressionIsNotAnAlterColumn() {
        Column from = col("g", "integer", false, null, Identity.NONE, "(a + 1)", null);
        Column to = col("g", "bigint", false, null, Identity.NONE, "(a + 2)", null);
        assertThrows(IllegalArgumentException.class,
                () -> GEN.statements(alter(from, to, ColumnChangeKind.TYPE)));
    }

    @Test
    void alterSequenceWithoutDifferencesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> GEN.statements(new AlterSequence(SEQ, SEQ)));
    }
}
