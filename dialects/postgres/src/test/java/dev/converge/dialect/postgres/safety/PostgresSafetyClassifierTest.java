package dev.converge.dialect.postgres.safety;

import static dev.converge.engine.safety.HazardCode.ACCESS_EXCLUSIVE_LOCK;
import static dev.converge.engine.safety.HazardCode.BLOCKS_WRITES;
import static dev.converge.engine.safety.HazardCode.DATA_LOSS;
import static dev.converge.engine.safety.HazardCode.UNTRACKED_DEPENDENCY;
import static dev.converge.engine.safety.HazardCode.BACKWARD_INCOMPATIBLE;
import static dev.converge.engine.safety.HazardCode.DATA_DEPENDENT;
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
import dev.converge.engine.change.ReplaceIndex;
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
import dev.converge.engine.safety.LockLevel;
import dev.converge.engine.safety.OnlineStrategies;
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

    static Arguments row(String rule, LockLevel lock, Change change, Set<HazardCode> codes, Set<SafetyClass> classes) {
        return Arguments.of(rule, lock, change, codes, classes);
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
                row("create schema", LockLevel.NONE, new CreateSchema(new NamedSchema("s", null)), none, additive),
                row("create enum", LockLevel.NONE, new CreateEnum(mood), none, additive),
                row("add enum value", LockLevel.NONE, new AddEnumValue(mood, "b", null), none, additive),
                row("create sequence", LockLevel.NONE, new CreateSequence(seq), none, additive),
                row("create table", LockLevel.NONE, new CreateTable(ORDERS_TABLE), none, additive),
                row("create view", LockLevel.NONE, new CreateView(view), none, additive),
                row("drop table", LockLevel.ACCESS_EXCLUSIVE, new DropTable(ORDERS_TABLE), Set.of(ACCESS_EXCLUSIVE_LOCK, BACKWARD_INCOMPATIBLE, DATA_LOSS),
                        destructiveLocking),
                row("drop column", LockLevel.ACCESS_EXCLUSIVE, new DropColumn(ORDERS, plain), Set.of(ACCESS_EXCLUSIVE_LOCK, BACKWARD_INCOMPATIBLE, DATA_LOSS),
                        destructiveLocking),
                row("drop column of a new table", LockLevel.NONE, new DropColumn(FRESH, plain), Set.of(DATA_LOSS), Set.of(DESTRUCTIVE)),
                row("drop sequence", LockLevel.NONE, new DropSequence(seq), Set.of(DATA_LOSS, UNTRACKED_DEPENDENCY), Set.of(DESTRUCTIVE)),
                row("drop schema", LockLevel.NONE, new DropSchema(new NamedSchema("s", null)), none, noClass),
                row("drop enum", LockLevel.NONE, new DropEnum(mood), Set.of(UNTRACKED_DEPENDENCY), noClass),
                row("drop view", LockLevel.NONE, new DropView(view), Set.of(UNTRACKED_DEPENDENCY), noClass),
                row("drop index", LockLevel.ACCESS_EXCLUSIVE, new DropIndex(index(ORDERS, false)), lock, locking),
                row("drop index of a new table", LockLevel.NONE, new DropIndex(index(FRESH, false)), none, noClass),
                row("drop constraint", LockLevel.ACCESS_EXCLUSIVE, new DropConstraint(ORDERS, constraint(ConstraintKind.UNIQUE)), lock, locking),
                row("drop foreign key", LockLevel.ACCESS_EXCLUSIVE, new DropForeignKey(fk(ORDERS)), lock, locking),
                row("varchar widened", LockLevel.ACCESS_EXCLUSIVE, type(ORDERS, "character varying(10)", "character varying(20)"), lock, locking),
                row("varchar to text", LockLevel.ACCESS_EXCLUSIVE, type(ORDERS, "character varying(10)", "text"), lock, locking),
                row("varchar to varchar", LockLevel.ACCESS_EXCLUSIVE, type(ORDERS, "character varying(10)", "character varying"), lock, locking),
                row("numeric precision up", LockLevel.ACCESS_EXCLUSIVE, type(ORDERS, "numeric(10,2)", "numeric(12,2)"), lock, locking),
                row("numeric unconstrained", LockLevel.ACCESS_EXCLUSIVE, type(ORDERS, "numeric(10,2)", "numeric"), lock, locking),
                row("integer to bigint", LockLevel.ACCESS_EXCLUSIVE, type(ORDERS, "integer", "bigint"), rewrite, locking),
                row("numeric scale up", LockLevel.ACCESS_EXCLUSIVE, type(ORDERS, "numeric(10,2)", "numeric(12,4)"), rewrite, locking),
                row("text to integer", LockLevel.ACCESS_EXCLUSIVE, type(ORDERS, "text", "integer"), Set.of(ACCESS_EXCLUSIVE_LOCK, DATA_DEPENDENT, TABLE_REWRITE), locking),
                row("varchar narrowed", LockLevel.ACCESS_EXCLUSIVE, type(ORDERS, "character varying(20)", "character varying(10)"), Set.of(ACCESS_EXCLUSIVE_LOCK, BACKWARD_INCOMPATIBLE, DATA_DEPENDENT, DATA_LOSS, TABLE_REWRITE),
                        destructiveLocking),
                row("text to varchar(n)", LockLevel.ACCESS_EXCLUSIVE, type(ORDERS, "text", "character varying(10)"), Set.of(ACCESS_EXCLUSIVE_LOCK, BACKWARD_INCOMPATIBLE, DATA_DEPENDENT, DATA_LOSS, TABLE_REWRITE), destructiveLocking),
                row("numeric scale down", LockLevel.ACCESS_EXCLUSIVE, type(ORDERS, "numeric(10,2)", "numeric(10,1)"), Set.of(ACCESS_EXCLUSIVE_LOCK, BACKWARD_INCOMPATIBLE, DATA_DEPENDENT, DATA_LOSS, TABLE_REWRITE),
                        destructiveLocking),
                row("numeric precision down", LockLevel.ACCESS_EXCLUSIVE, type(ORDERS, "numeric(10,2)", "numeric(8,2)"), Set.of(ACCESS_EXCLUSIVE_LOCK, BACKWARD_INCOMPATIBLE, DATA_DEPENDENT, DATA_LOSS, TABLE_REWRITE),
                        destructiveLocking),
                row("bigint to integer", LockLevel.ACCESS_EXCLUSIVE, type(ORDERS, "bigint", "integer"), Set.of(ACCESS_EXCLUSIVE_LOCK, BACKWARD_INCOMPATIBLE, DATA_DEPENDENT, DATA_LOSS, TABLE_REWRITE), destructiveLocking),
                row("integer to smallint", LockLevel.ACCESS_EXCLUSIVE, type(ORDERS, "integer", "smallint"), Set.of(ACCESS_EXCLUSIVE_LOCK, BACKWARD_INCOMPATIBLE, DATA_DEPENDENT, DATA_LOSS, TABLE_REWRITE), destructiveLocking),
                row("timestamp precision down", LockLevel.ACCESS_EXCLUSIVE, type(ORDERS, "timestamp(6) without time zone",
                        "timestamp(3) without time zone"), Set.of(ACCESS_EXCLUSIVE_LOCK, BACKWARD_INCOMPATIBLE, DATA_DEPENDENT, DATA_LOSS, TABLE_REWRITE), destructiveLocking),
                row("double to real", LockLevel.ACCESS_EXCLUSIVE, type(ORDERS, "double precision", "real"), Set.of(ACCESS_EXCLUSIVE_LOCK, BACKWARD_INCOMPATIBLE, DATA_DEPENDENT, DATA_LOSS, TABLE_REWRITE), destructiveLocking),
                row("narrowing on a new table", LockLevel.NONE, type(FRESH, "bigint", "integer"), Set.of(BACKWARD_INCOMPATIBLE, DATA_LOSS),
                        Set.of(DESTRUCTIVE)),
                row("set not null", LockLevel.ACCESS_EXCLUSIVE, new AlterColumn(ORDERS, plain, notNull, EnumSet.of(ColumnChangeKind.NOT_NULL)), Set.of(ACCESS_EXCLUSIVE_LOCK, DATA_DEPENDENT, FULL_TABLE_SCAN), locking),
                row("drop not null", LockLevel.ACCESS_EXCLUSIVE, new AlterColumn(ORDERS, notNull, plain, EnumSet.of(ColumnChangeKind.NOT_NULL)),
                        lock, locking),
                row("set default", LockLevel.ACCESS_EXCLUSIVE, new AlterColumn(ORDERS, plain, col("c", "integer", false, "1", Identity.NONE,
                        null), EnumSet.of(ColumnChangeKind.DEFAULT)), lock, locking),
                row("set default on a new table", LockLevel.NONE, new AlterColumn(FRESH, plain, col("c", "integer", false, "1",
                        Identity.NONE, null), EnumSet.of(ColumnChangeKind.DEFAULT)), none, noClass),
                row("add nullable column", LockLevel.ACCESS_EXCLUSIVE, new AddColumn(ORDERS, plain), lock, additiveLocking),
                row("add column, constant default", LockLevel.ACCESS_EXCLUSIVE, new AddColumn(ORDERS, col("c", "integer", true, "0",
                        Identity.NONE, null)), lock, additiveLocking),
                row("add column, nextval default", LockLevel.ACCESS_EXCLUSIVE, new AddColumn(ORDERS, col("c", "bigint", true,
                        "nextval('public.s'::regclass)", Identity.NONE, null)), rewrite, additiveLocking),
                row("add column, gen_random_uuid()", LockLevel.ACCESS_EXCLUSIVE, new AddColumn(ORDERS, col("c", "uuid", true,
                        "gen_random_uuid()", Identity.NONE, null)), rewrite, additiveLocking),
                row("add column, clock_timestamp()", LockLevel.ACCESS_EXCLUSIVE, new AddColumn(ORDERS, col("c", "timestamp with time zone", true,
                        "clock_timestamp()", Identity.NONE, null)), rewrite, additiveLocking),
                row("add column, now() is stable", LockLevel.ACCESS_EXCLUSIVE, new AddColumn(ORDERS, col("c", "timestamp with time zone", true,
                        "now()", Identity.NONE, null)), lock, additiveLocking),
                row("add identity column", LockLevel.ACCESS_EXCLUSIVE, new AddColumn(ORDERS, col("c", "bigint", true, null, Identity.ALWAYS,
                        null)), rewrite, additiveLocking),
                row("add stored generated column", LockLevel.ACCESS_EXCLUSIVE, new AddColumn(ORDERS, col("c", "bigint", false, null,
                        Identity.NONE, "(id * 2)")), rewrite, additiveLocking),
                row("add column to a new table", LockLevel.NONE, new AddColumn(FRESH, col("c", "uuid", true, "gen_random_uuid()",
                        Identity.NONE, null)), none, additive),
                row("create index", LockLevel.SHARE, new CreateIndex(index(ORDERS, false)), Set.of(INDEX_BUILD, BLOCKS_WRITES),
                        additiveLocking),
                row("create index on a new table", LockLevel.NONE, new CreateIndex(index(FRESH, true)), none, additive),
                row("add primary key", LockLevel.ACCESS_EXCLUSIVE, new AddConstraint(ORDERS, constraint(ConstraintKind.PRIMARY_KEY)), Set.of(ACCESS_EXCLUSIVE_LOCK, DATA_DEPENDENT, INDEX_BUILD), additiveLocking),
                row("add unique", LockLevel.ACCESS_EXCLUSIVE, new AddConstraint(ORDERS, constraint(ConstraintKind.UNIQUE)), Set.of(ACCESS_EXCLUSIVE_LOCK, DATA_DEPENDENT, INDEX_BUILD), additiveLocking),
                row("add check", LockLevel.ACCESS_EXCLUSIVE, new AddConstraint(ORDERS, constraint(ConstraintKind.CHECK)), Set.of(ACCESS_EXCLUSIVE_LOCK, DATA_DEPENDENT, FULL_TABLE_SCAN), additiveLocking),
                row("add check to a new table", LockLevel.NONE, new AddConstraint(FRESH, constraint(ConstraintKind.CHECK)), none,
                        additive),
                row("add foreign key", LockLevel.SHARE_ROW_EXCLUSIVE, new AddForeignKey(fk(ORDERS)), Set.of(BLOCKS_WRITES, DATA_DEPENDENT, FULL_TABLE_SCAN),
                        additiveLocking),
                row("add foreign key from a new table", LockLevel.SHARE_ROW_EXCLUSIVE, new AddForeignKey(fk(FRESH)), none, additive),
                row("comment", LockLevel.SHARE_UPDATE_EXCLUSIVE, new SetComment(ORDERS_TABLE.ref(), "x"), none, additive),
                row("identity options", LockLevel.ACCESS_EXCLUSIVE, new AlterColumn(ORDERS, identity(1), identity(7),
                        EnumSet.of(ColumnChangeKind.IDENTITY_OPTIONS)), lock, locking),
                row("identity options on a new table", LockLevel.NONE, new AlterColumn(FRESH, identity(1), identity(7),
                        EnumSet.of(ColumnChangeKind.IDENTITY_OPTIONS)), none, noClass),
                row("comment on a view column", LockLevel.NONE, new SetComment(ObjectRef.member(ObjectKind.COLUMN, view.name(), "c"),
                        "x"), none, additive),
                row("add a NOT VALID check", LockLevel.ACCESS_EXCLUSIVE, new AddConstraint(ORDERS, notValidCheck()),
                        Set.of(ACCESS_EXCLUSIVE_LOCK), additiveLocking));
    }

    /** Rows that need another server version or the online strategies: {@code classifier} says which. */
    static Stream<Arguments> versionAndOnlineRules() {
        PostgresSafetyClassifier online = new PostgresSafetyClassifier(15, OnlineStrategies.ALL);
        PostgresSafetyClassifier pg10 = new PostgresSafetyClassifier(10, OnlineStrategies.NONE);
        PostgresSafetyClassifier pg11 = new PostgresSafetyClassifier(11, OnlineStrategies.ALL);
        Column plain = Column.of("c", "integer", false);
        Column notNull = Column.of("c", "integer", true);
        Column withDefault = col("c", "integer", true, "0", Identity.NONE, null);
        AlterColumn setNotNull = new AlterColumn(ORDERS, plain, notNull, EnumSet.of(ColumnChangeKind.NOT_NULL));
        Set<SafetyClass> additiveLocking = Set.of(ADDITIVE, LOCKING);
        ReplaceIndex replaceUnique = new ReplaceIndex(index(ORDERS, false), index(ORDERS, true));
        ReplaceIndex replace = new ReplaceIndex(index(ORDERS, false), new Index(QualifiedName.of("public", "i"), ORDERS,
                false, "btree", List.of("id DESC"), List.of(), null, "CREATE INDEX i ON public.orders USING btree (id DESC)",
                null));
        return Stream.of(
                Arguments.of("replace index, online: SHARE UPDATE EXCLUSIVE on the table only", online, replace,
                        LockLevel.SHARE_UPDATE_EXCLUSIVE, Set.of(INDEX_BUILD), Set.of(LOCKING)),
                Arguments.of("replace index by a unique one, online", online, replaceUnique,
                        LockLevel.SHARE_UPDATE_EXCLUSIVE, Set.of(INDEX_BUILD, DATA_DEPENDENT), Set.of(LOCKING)),
                Arguments.of("replace index, online on 11: the rename locks the index ACCESS EXCLUSIVE", pg11, replace,
                        LockLevel.ACCESS_EXCLUSIVE, Set.of(INDEX_BUILD, ACCESS_EXCLUSIVE_LOCK), Set.of(LOCKING)),
                Arguments.of("replace index, plain: ACCESS EXCLUSIVE for the whole build", new PostgresSafetyClassifier(),
                        replace, LockLevel.ACCESS_EXCLUSIVE, Set.of(INDEX_BUILD, ACCESS_EXCLUSIVE_LOCK), Set.of(LOCKING)),
                Arguments.of("replace index, online without replacement: drop then build", new PostgresSafetyClassifier(15,
                        new OnlineStrategies(true, true, true, false)), replace, LockLevel.SHARE_UPDATE_EXCLUSIVE,
                        Set.of(INDEX_BUILD), Set.of(LOCKING)),
                Arguments.of("add NOT NULL column without default", new PostgresSafetyClassifier(),
                        new AddColumn(ORDERS, notNull), LockLevel.ACCESS_EXCLUSIVE,
                        Set.of(ACCESS_EXCLUSIVE_LOCK, DATA_DEPENDENT, BACKWARD_INCOMPATIBLE), additiveLocking),
                Arguments.of("create unique index", new PostgresSafetyClassifier(),
                        new CreateIndex(index(ORDERS, true)), LockLevel.SHARE,
                        Set.of(INDEX_BUILD, BLOCKS_WRITES, DATA_DEPENDENT), additiveLocking),
                Arguments.of("PG 10: add column with a constant default rewrites", pg10, new AddColumn(ORDERS, withDefault),
                        LockLevel.ACCESS_EXCLUSIVE, Set.of(TABLE_REWRITE, ACCESS_EXCLUSIVE_LOCK), additiveLocking),
                Arguments.of("PG 10: set not null scans under ACCESS EXCLUSIVE", pg10, setNotNull,
                        LockLevel.ACCESS_EXCLUSIVE, Set.of(FULL_TABLE_SCAN, ACCESS_EXCLUSIVE_LOCK, DATA_DEPENDENT),
                        Set.of(LOCKING)),
                Arguments.of("online: create index concurrently", online, new CreateIndex(index(ORDERS, false)),
                        LockLevel.SHARE_UPDATE_EXCLUSIVE, Set.of(INDEX_BUILD), additiveLocking),
                Arguments.of("online: create unique index concurrently", online, new CreateIndex(index(ORDERS, true)),
                        LockLevel.SHARE_UPDATE_EXCLUSIVE, Set.of(INDEX_BUILD, DATA_DEPENDENT), additiveLocking),
                Arguments.of("online: create index on a new table", online, new CreateIndex(index(FRESH, false)),
                        LockLevel.NONE, Set.of(), Set.of(ADDITIVE)),
                Arguments.of("online: drop index concurrently", online, new DropIndex(index(ORDERS, false)),
                        LockLevel.SHARE_UPDATE_EXCLUSIVE, Set.of(), Set.of()),
                Arguments.of("online: check NOT VALID then VALIDATE", online,
                        new AddConstraint(ORDERS, constraint(ConstraintKind.CHECK)), LockLevel.ACCESS_EXCLUSIVE,
                        Set.of(ACCESS_EXCLUSIVE_LOCK, FULL_TABLE_SCAN, DATA_DEPENDENT), additiveLocking),
                Arguments.of("online: foreign key NOT VALID then VALIDATE", online, new AddForeignKey(fk(ORDERS)),
                        LockLevel.SHARE_ROW_EXCLUSIVE, Set.of(BLOCKS_WRITES, FULL_TABLE_SCAN, DATA_DEPENDENT),
                        additiveLocking),
                Arguments.of("online: set not null through a check", online, setNotNull, LockLevel.ACCESS_EXCLUSIVE,
                        Set.of(FULL_TABLE_SCAN, DATA_DEPENDENT, ACCESS_EXCLUSIVE_LOCK), Set.of(LOCKING)),
                Arguments.of("PG 11: set not null through a check is not used", pg11, setNotNull,
                        LockLevel.ACCESS_EXCLUSIVE, Set.of(FULL_TABLE_SCAN, ACCESS_EXCLUSIVE_LOCK, DATA_DEPENDENT),
                        Set.of(LOCKING)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versionAndOnlineRules")
    void classifiesByVersionAndStrategy(String rule, PostgresSafetyClassifier byVersion, Change change, LockLevel lock,
                                        Set<HazardCode> codes, Set<SafetyClass> classes) {
        Classification result = byVersion.classify(change, CURRENT);
        assertEquals(lock, result.strongestLock(), rule + ": " + result.locks());
        assertEquals(codes, result.hazards().stream().map(Hazard::code).collect(Collectors.toSet()),
                rule + ": " + result.hazards());
        assertEquals(classes, result.classes(), rule);
    }

    @Test
    void onlineStrategiesSayTheScanDoesNotBlock() {
        Classification result = new PostgresSafetyClassifier(15, OnlineStrategies.ALL)
                .classify(new AlterColumn(ORDERS, Column.of("c", "integer", false), Column.of("c", "integer", true),
                        EnumSet.of(ColumnChangeKind.NOT_NULL)), CURRENT);
        assertTrue(message(result, FULL_TABLE_SCAN).contains("SHARE UPDATE EXCLUSIVE (reads and writes continue)"),
                result.hazards().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void classifies(String rule, LockLevel lock, Change change, Set<HazardCode> codes, Set<SafetyClass> classes) {
        Classification result = classifier.classify(change, CURRENT);
        assertEquals(lock, result.strongestLock(), rule + ": " + result.locks());
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

    @Test
    void aChangedKeyConstraintSaysItsIndexIsNotBuiltConcurrently() {
        TableConstraint key = constraint(ConstraintKind.UNIQUE);
        SchemaModel withKey = CURRENT.withTables(List.of(new Table(ORDERS, ORDERS_TABLE.columns(), List.of(key), null)));
        Classification replaced = classifier.classify(new AddConstraint(ORDERS, key), withKey);
        assertTrue(message(replaced, ACCESS_EXCLUSIVE_LOCK).contains("does not yet build its index concurrently"),
                replaced.hazards().toString());
        Classification added = classifier.classify(new AddConstraint(ORDERS, key), CURRENT);
        assertTrue(!message(added, ACCESS_EXCLUSIVE_LOCK).contains("USING INDEX"), added.hazards().toString());
    }

    private static String message(Classification classification, HazardCode code) {
        return classification.hazards().stream().filter(h -> h.code() == code).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + classification)).message();
    }
}
