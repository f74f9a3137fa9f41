package dev.converge.dialect.postgres.safety;

import static dev.converge.engine.safety.HazardCode.ACCESS_EXCLUSIVE_LOCK;
import static dev.converge.engine.safety.HazardCode.BLOCKS_WRITES;
import static dev.converge.engine.safety.HazardCode.DATA_LOSS;
import static dev.converge.engine.safety.HazardCode.FULL_TABLE_SCAN;
import static dev.converge.engine.safety.HazardCode.INDEX_BUILD;
import static dev.converge.engine.safety.HazardCode.TABLE_REWRITE;
import static dev.converge.engine.safety.SafetyClass.ADDITIVE;
import static dev.converge.engine.safety.SafetyClass.DESTRUCTIVE;
import static dev.converge.engine.safety.SafetyClass.LOCKING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.AddConstraint;
import dev.converge.engine.change.AddEnumValue;
import dev.converge.engine.change.AddForeignKey;
import dev.converge.engine.change.AlterColumn;
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
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Sequence;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import dev.converge.engine.model.View;
import dev.converge.engine.safety.Classification;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.SafetyClass;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per rule: the hazard codes and classes each change gets against an existing or a new table. */
class PostgresSafetyClassifierTest {
    static final QualifiedName ORDERS = QualifiedName.of("public", "orders");
    static final QualifiedName CUSTOMERS = QualifiedName.of("public", "customers");
    static final QualifiedName FRESH = QualifiedName.of("public", "fresh");
    static final Table ORDERS_TABLE = new Table(ORDERS, List.of(Column.of("id", "bigint", true)), List.of(), null);
    static final SchemaModel CURRENT = new SchemaModel(List.of(new NamedSchema("public", null)), List.of(), List.of(),
            List.of(ORDERS_TABLE, new Table(CUSTOMERS, List.of(Column.of("id", "bigint", true)), List.of(), null)),
            List.of(), List.of(), List.of());
    final PostgresSafetyClassifier classifier = new PostgresSafetyClassifier();

    static Column col(String name, String type, boolean notNull, String def, Identity identity, String generated) {
        return new Column(name, type, notNull, def, identity, null, generated, null, null, List.of());
    }

    static Column identity(long start) {
        return Column.identity("c", "integer", Identity.ALWAYS,
                new IdentityOptions(start, 1, 1, Integer.MAX_VALUE, 1, false));
    }

    static AlterColumn type(QualifiedName table, String from, String to) {
        return new AlterColumn(table, Column.of("c", from, false), Column.of("c", to, false),
                EnumSet.of(ColumnChangeKind.TYPE));
    }

    static Index index(QualifiedName table, boolean unique) {
        return new Index(QualifiedName.of("public", "i"), table, unique, "btree", List.of("id"), List.of(), null,
                "CREATE INDEX i ON " + table + " USING btree (id)", null);
    }

    static TableConstraint constraint(ConstraintKind kind) {
        return new TableConstraint("k", kind, kind == ConstraintKind.CHECK ? "CHECK ((id > 0))" : "UNIQUE (id)",
                List.of("id"), null);
    }

    static TableConstraint notValidCheck() {
        return new TableConstraint("k", ConstraintKind.CHECK, "CHECK ((id > 0)) NOT VALID", List.of("id"), null);
    }

    static ForeignKey fk(QualifiedName table) {
        return new ForeignKey(table, "fk", List.of("customer_id"), CUSTOMERS, List.of("id"),
                "FOREIGN KEY (customer_id) REFERENCES public.customers(id)", null);
    }

    static Arguments row(String rule, Change change, Set<HazardCode> codes, Set<SafetyClass> classes) {
        return Arguments.of(rule, change, codes, classes);
    }

    static Stream<Arguments> rules() {
        Sequence seq = new Sequence(QualifiedName.of("public", "s"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false,
                null, null);
        EnumType mood = new EnumType(QualifiedName.of("public", "mood"), List.of("a"), null);
        View view = new View(QualifiedName.of("public", "v"), "SELECT 1", List.of(), List.of(), null);
        Column plain = Column.of("c", "integer", false);
        Column notNull = Column.of("c", "integer", true);
        Set<HazardCode> none = Set.of();
        Set<SafetyClass> noClass = Set.of();
        Set<SafetyClass> additive = Set.of(ADDITIVE);
        Set<SafetyClass> locking = Set.of(LOCKING);
        Set<SafetyClass> additiveLocking = Set.of(ADDITIVE, LOCKING);
        Set<SafetyClass> destructiveLocking = Set.of(DESTRUCTIVE, LOCKING);
        Set<HazardCode> lock = Set.of(ACCESS_EXCLUSIVE_LOCK);
        Set<HazardCode> rewrite = Set.of(TABLE_REWRITE, ACCESS_EXCLUSIVE_LOCK);
        Set<HazardCode> narrowing = Set.of(DATA_LOSS, TABLE_REWRITE, ACCESS_EXCLUSIVE_LOCK);
        return Stream.of(
                row("create schema", new CreateSchema(new NamedSchema("s", null)), none, additive),
                row("create enum", new CreateEnum(mood), none, additive),
                row("add enum value", new AddEnumValue(mood, "b", null), none, additive),
                row("create sequence", new CreateSequence(seq), none, additive),
                row("create table", new CreateTable(ORDERS_TABLE), none, additive),
                row("create view", new CreateView(view), none, additive),
                row("drop table", new DropTable(ORDERS_TABLE), Set.of(DATA_LOSS, ACCESS_EXCLUSIVE_LOCK),
                        destructiveLocking),
                row("drop column", new DropColumn(ORDERS, plain), Set.of(DATA_LOSS, ACCESS_EXCLUSIVE_LOCK),
                        destructiveLocking),
                row("drop column of a new table", new DropColumn(FRESH, plain), Set.of(DATA_LOSS), Set.of(DESTRUCTIVE)),
                row("drop sequence", new DropSequence(seq), Set.of(DATA_LOSS), Set.of(DESTRUCTIVE)),
                row("drop schema", new DropSchema(new NamedSchema("s", null)), none, noClass),
                row("drop enum", new DropEnum(mood), none, noClass),
                row("drop view", new DropView(view), none, noClass),
                row("drop index", new DropIndex(index(ORDERS, false)), lock, locking),
                row("drop index of a new table", new DropIndex(index(FRESH, false)), none, noClass),
                row("drop constraint", new DropConstraint(ORDERS, constraint(ConstraintKind.UNIQUE)), lock, locking),
                row("drop foreign key", new DropForeignKey(fk(ORDERS)), lock, locking),
                row("varchar widened", type(ORDERS, "character varying(10)", "character varying(20)"), lock, locking),
                row("varchar to text", type(ORDERS, "character varying(10)", "text"), lock, locking),
                row("varchar to varchar", type(ORDERS, "character varying(10)", "character varying"), lock, locking),
                row("numeric precision up", type(ORDERS, "numeric(10,2)", "numeric(12,2)"), lock, locking),
                row("numeric unconstrained", type(ORDERS, "numeric(10,2)", "numeric"), lock, locking),
                row("integer to bigint", type(ORDERS, "integer", "bigint"), rewrite, locking),
                row("numeric scale up", type(ORDERS, "numeric(10,2)", "numeric(12,4)"), rewrite, locking),
                row("text to integer", type(ORDERS, "text", "integer"), rewrite, locking),
                row("varchar narrowed", type(ORDERS, "character varying(20)", "character varying(10)"), narrowing,
                        destructiveLocking),
                row("text to varchar(n)", type(ORDERS, "text", "character varying(10)"), narrowing, destructiveLocking),
                row("numeric scale down", type(ORDERS, "numeric(10,2)", "numeric(10,1)"), narrowing,
                        destructiveLocking),
                row("numeric precision down", type(ORDERS, "numeric(10,2)", "numeric(8,2)"), narrowing,
                        destructiveLocking),
                row("bigint to integer", type(ORDERS, "bigint", "integer"), narrowing, destructiveLocking),
                row("integer to smallint", type(ORDERS, "integer", "smallint"), narrowing, destructiveLocking),
                row("timestamp precision down", type(ORDERS, "timestamp(6) without time zone",
                        "timestamp(3) without time zone"), narrowing, destructiveLocking),
                row("double to real", type(ORDERS, "double precision", "real"), narrowing, destructiveLocking),
                row("narrowing on a new table", type(FRESH, "bigint", "integer"), Set.of(DATA_LOSS),
                        Set.of(DESTRUCTIVE)),
                row("set not null", new AlterColumn(ORDERS, plain, notNull, EnumSet.of(ColumnChangeKind.NOT_NULL)),
                        Set.of(FULL_TABLE_SCAN, ACCESS_EXCLUSIVE_LOCK), locking),
                row("drop not null", new AlterColumn(ORDERS, notNull, plain, EnumSet.of(ColumnChangeKind.NOT_NULL)),
                        lock, locking),
                row("set default", new AlterColumn(ORDERS, plain, col("c", "integer", false, "1", Identity.NONE,
                        null), EnumSet.of(ColumnChangeKind.DEFAULT)), lock, locking),
                row("set default on a new table", new AlterColumn(FRESH, plain, col("c", "integer", false, "1",
                        Identity.NONE, null), EnumSet.of(ColumnChangeKind.DEFAULT)), none, noClass),
                row("add nullable column", new AddColumn(ORDERS, plain), lock, additiveLocking),
                row("add column, constant default", new AddColumn(ORDERS, col("c", "integer", true, "0",
                        Identity.NONE, null)), lock, additiveLocking),
                row("add column, nextval default", new AddColumn(ORDERS, col("c", "bigint", true,
                        "nextval('public.s'::regclass)", Identity.NONE, null)), rewrite, additiveLocking),
                row("add column, gen_random_uuid()", new AddColumn(ORDERS, col("c", "uuid", true,
                        "gen_random_uuid()", Identity.NONE, null)), rewrite, additiveLocking),
                row("add column, clock_timestamp()", new AddColumn(ORDERS, col("c", "timestamp with time zone", true,
                        "clock_timestamp()", Identity.NONE, null)), rewrite, additiveLocking),
                row("add column, now() is stable", new AddColumn(ORDERS, col("c", "timestamp with time zone", true,
                        "now()", Identity.NONE, null)), lock, additiveLocking),
                row("add identity column", new AddColumn(ORDERS, col("c", "bigint", true, null, Identity.ALWAYS,
                        null)), rewrite, additiveLocking),
                row("add stored generated column", new AddColumn(ORDERS, col("c", "bigint", false, null,
                        Identity.NONE, "(id * 2)")), rewrite, additiveLocking),
                row("add column to a new table", new AddColumn(FRESH, col("c", "uuid", true, "gen_random_uuid()",
                        Identity.NONE, null)), none, additive),
                row("create index", new CreateIndex(index(ORDERS, false)), Set.of(INDEX_BUILD, BLOCKS_WRITES),
                        additiveLocking),
                row("create index on a new table", new CreateIndex(index(FRESH, true)), none, additive),
                row("add primary key", new AddConstraint(ORDERS, constraint(ConstraintKind.PRIMARY_KEY)),
                        Set.of(INDEX_BUILD, ACCESS_EXCLUSIVE_LOCK), additiveLocking),
                row("add unique", new AddConstraint(ORDERS, constraint(ConstraintKind.UNIQUE)),
                        Set.of(INDEX_BUILD, ACCESS_EXCLUSIVE_LOCK), additiveLocking),
                row("add check", new AddConstraint(ORDERS, constraint(ConstraintKind.CHECK)),
                        Set.of(FULL_TABLE_SCAN, ACCESS_EXCLUSIVE_LOCK), additiveLocking),
                row("add check to a new table", new AddConstraint(FRESH, constraint(ConstraintKind.CHECK)), none,
                        additive),
                row("add foreign key", new AddForeignKey(fk(ORDERS)), Set.of(FULL_TABLE_SCAN, BLOCKS_WRITES),
                        additiveLocking),
                row("add foreign key from a new table", new AddForeignKey(fk(FRESH)), none, additive),
                row("comment", new SetComment(ORDERS_TABLE.ref(), "x"), none, additive),
                row("identity options", new AlterColumn(ORDERS, identity(1), identity(7),
                        EnumSet.of(ColumnChangeKind.IDENTITY_OPTIONS)), lock, locking),
                row("identity options on a new table", new AlterColumn(FRESH, identity(1), identity(7),
                        EnumSet.of(ColumnChangeKind.IDENTITY_OPTIONS)), none, noClass),
                row("comment on a view column", new SetComment(ObjectRef.member(ObjectKind.COLUMN, view.name(), "c"),
                        "x"), none, additive),
                row("add a NOT VALID check", new AddConstraint(ORDERS, notValidCheck()),
                        Set.of(ACCESS_EXCLUSIVE_LOCK), additiveLocking));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void classifies(String rule, Change change, Set<HazardCode> codes, Set<SafetyClass> classes) {
        Classification result = classifier.classify(change, CURRENT);
        Set<HazardCode> actual = result.hazards().stream().map(Hazard::code).collect(Collectors.toSet());
        assertEquals(codes, actual, rule + ": " + result.hazards());
        assertEquals(codes.size(), result.hazards().size(), rule + ": one hazard per code: " + result.hazards());
        assertEquals(classes, result.classes(), rule);
    }

    @Test
    void messagesNameTheTableAndTheLock() {
        Classification rewrite = classifier.classify(type(ORDERS, "integer", "bigint"), CURRENT);
        assertEquals("rewrites public.orders under ACCESS EXCLUSIVE: reads and writes wait until it finishes,"
                + " and it needs disk space for a second copy of the table", message(rewrite, TABLE_REWRITE));
        Classification index = classifier.classify(new CreateIndex(index(ORDERS, false)), CURRENT);
        assertTrue(message(index, BLOCKS_WRITES).contains("SHARE lock on public.orders"), message(index, BLOCKS_WRITES));
        Classification fk = classifier.classify(new AddForeignKey(fk(ORDERS)), CURRENT);
        assertTrue(message(fk, BLOCKS_WRITES).contains("SHARE ROW EXCLUSIVE on public.orders and public.customers"));
        Classification notNullNoDefault = classifier.classify(new AddColumn(ORDERS, Column.of("c", "integer", true)),
                CURRENT);
        assertTrue(message(notNullNoDefault, ACCESS_EXCLUSIVE_LOCK).contains("fails if public.orders has any rows"));
        Classification identityOptions = classifier.classify(new AlterColumn(ORDERS, identity(1), identity(7),
                EnumSet.of(ColumnChangeKind.IDENTITY_OPTIONS)), CURRENT);
        assertTrue(message(identityOptions, ACCESS_EXCLUSIVE_LOCK).startsWith(
                "takes a brief ACCESS EXCLUSIVE lock on public.orders (catalog only)"), identityOptions.hazards().toString());
        Classification drop = classifier.classify(new DropTable(ORDERS_TABLE), CURRENT);
        assertEquals("drops table public.orders and all its rows", message(drop, DATA_LOSS));
    }

    private static String message(Classification classification, HazardCode code) {
        return classification.hazards().stream().filter(h -> h.code() == code).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + classification)).message();
    }
}
