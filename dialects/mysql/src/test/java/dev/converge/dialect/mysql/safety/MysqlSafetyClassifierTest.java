package dev.converge.dialect.mysql.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.CreateTrigger;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.change.AddForeignKey;
import dev.converge.engine.change.DropRoutine;
import dev.converge.engine.change.DropTrigger;
import dev.converge.engine.change.ReplaceRoutine;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.RoutineKind;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.safety.Classification;
import dev.converge.engine.model.Trigger;
import dev.converge.engine.model.TriggerState;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.LockLevel;
import dev.converge.engine.safety.SafetyClass;
import dev.converge.engine.safety.TableLock;
import dev.converge.engine.safety.HazardCode;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each kind of MySQL change risks, by the ALTER TABLE algorithm the server uses for it. */
class MysqlSafetyClassifierTest {
    private static final QualifiedName T = QualifiedName.of("db", "t");
    /** The table exists before the plan: the ALTER TABLE algorithm matters. */
    private static final SchemaModel EXISTING = SchemaModel.EMPTY.withTables(List.of(new Table(T,
            List.of(col("a", "varchar(20)"), col("n", "int(11)")), List.of(), null, List.of("ENGINE=InnoDB"))));

    private static Column col(String name, String type) {
        return new Column(name, type, false, null, Identity.NONE, null, null, null, null, List.of());
    }

    private static AlterColumn alter(Column from, Column to, ColumnChangeKind... kinds) {
        return new AlterColumn(T, from, to, Set.of(kinds));
    }

    static Stream<Arguments> cases() {
        Column v20 = col("a", "varchar(20)");
        Column v40 = col("a", "varchar(40)");
        Column v100 = col("a", "varchar(100)");
        Column i = col("n", "int(11)");
        Column big = col("n", "bigint(20)");
        Column withComment = col("a", "varchar(20) COMMENT 'x'");
        Column autoInc = new Column("id", "int(11)", true, null, Identity.BY_DEFAULT, null, null, null, null, List.of());
        Column stored = new Column("g", "int(11)", false, null, Identity.NONE, null, "(`n` + 1) STORED", null, null, List.of());
        Index btree = new Index(QualifiedName.of("db", "t.ix"), T, false, "BTREE", List.of("`a`"), List.of(), null, "INDEX `ix` (`a`)", null);
        Index fulltext = new Index(QualifiedName.of("db", "t.ft"), T, false, "FULLTEXT", List.of("`a`"), List.of(), null, "FULLTEXT INDEX `ft` (`a`)", null);
        Routine function = new Routine(QualifiedName.of("db", "f"), "", RoutineKind.FUNCTION, "()", "int(11)",
                "CREATE FUNCTION `f`() RETURNS int(11) RETURN 1", List.of(), null);
        Routine event = new Routine(QualifiedName.of("db", "e"), "", RoutineKind.EVENT, "", null,
                "CREATE EVENT `e` ON SCHEDULE EVERY 1 DAY DO SELECT 1", List.of(), null);
        Trigger trigger = new Trigger(T, "tr", "CREATE TRIGGER `tr` BEFORE INSERT ON `t` FOR EACH ROW SET NEW.a = 1",
                TriggerState.ENABLED, null, null);
        return Stream.of(
                Arguments.of("add plain column: INSTANT", new AddColumn(T, v20, "id"), List.of()),
                Arguments.of("add AUTO_INCREMENT column: COPY", new AddColumn(T, autoInc, ""),
                        List.of(HazardCode.TABLE_REWRITE, HazardCode.BLOCKS_WRITES)),
                Arguments.of("add STORED generated: COPY", new AddColumn(T, stored, null),
                        List.of(HazardCode.TABLE_REWRITE, HazardCode.BLOCKS_WRITES)),
                Arguments.of("drop column", new DropColumn(T, v20), List.of(HazardCode.DATA_LOSS)),
                Arguments.of("varchar widened in its length class: INSTANT", alter(v20, v40, ColumnChangeKind.TYPE), List.of()),
                Arguments.of("varchar widened past 255 bytes: COPY", alter(v40, v100, ColumnChangeKind.TYPE),
                        List.of(HazardCode.TABLE_REWRITE, HazardCode.BLOCKS_WRITES)),
                Arguments.of("varchar narrowed", alter(v40, v20, ColumnChangeKind.TYPE),
                        List.of(HazardCode.DATA_LOSS, HazardCode.TABLE_REWRITE, HazardCode.BLOCKS_WRITES)),
                Arguments.of("int to bigint: COPY", alter(i, big, ColumnChangeKind.TYPE),
                        List.of(HazardCode.TABLE_REWRITE, HazardCode.BLOCKS_WRITES)),
                Arguments.of("bigint to int narrows", alter(big, i, ColumnChangeKind.TYPE),
                        List.of(HazardCode.DATA_LOSS, HazardCode.TABLE_REWRITE, HazardCode.BLOCKS_WRITES)),
                Arguments.of("comment only: INSTANT", alter(v20, withComment, ColumnChangeKind.TYPE), List.of()),
                Arguments.of("enum value appended: INSTANT", alter(col("e", "enum('a','b')"), col("e", "enum('a','b','c')"),
                        ColumnChangeKind.TYPE), List.of()),
                Arguments.of("enum value removed", alter(col("e", "enum('a','b')"), col("e", "enum('a')"),
                        ColumnChangeKind.TYPE), List.of(HazardCode.DATA_LOSS, HazardCode.TABLE_REWRITE, HazardCode.BLOCKS_WRITES)),
                Arguments.of("set NOT NULL: INPLACE rebuild + scan", alter(v20,
                        new Column("a", "varchar(20)", true, null, Identity.NONE, null, null, null, null, List.of()),
                        ColumnChangeKind.NOT_NULL), List.of(HazardCode.TABLE_REWRITE, HazardCode.FULL_TABLE_SCAN)),
                Arguments.of("B-tree index: INPLACE, LOCK=NONE", new CreateIndex(btree), List.of(HazardCode.INDEX_BUILD)),
                Arguments.of("FULLTEXT index: writes wait", new CreateIndex(fulltext),
                        List.of(HazardCode.BLOCKS_WRITES, HazardCode.INDEX_BUILD)),
                Arguments.of("foreign key: COPY with foreign_key_checks on", new AddForeignKey(new ForeignKey(
                        T, "fk", List.of("n"), QualifiedName.of("db", "p"), List.of("id"),
                        "FOREIGN KEY (`n`) REFERENCES `p` (`id`)", null)),
                        List.of(HazardCode.TABLE_REWRITE, HazardCode.BLOCKS_WRITES, HazardCode.FULL_TABLE_SCAN)),
                Arguments.of("routine body changed: dropped and created, calls in between fail",
                        new ReplaceRoutine(function, function), List.of(HazardCode.BACKWARD_INCOMPATIBLE)),
                Arguments.of("routine dropped: callers are not checked", new DropRoutine(function),
                        List.of(HazardCode.UNTRACKED_DEPENDENCY)),
                Arguments.of("event altered in place", new ReplaceRoutine(event, event), List.of()),
                Arguments.of("event dropped", new DropRoutine(event), List.of()),
                Arguments.of("trigger dropped: writes in between skip it", new DropTrigger(trigger),
                        List.of(HazardCode.BACKWARD_INCOMPATIBLE)),
                Arguments.of("trigger created", new CreateTrigger(trigger), List.of()));
    }

    /**
     * On a table that exists, every ALTER claims the exclusive metadata lock (the plan's ACCESS EXCLUSIVE),
     * and a change the data may refuse is DATA_DEPENDENT, naming what the data must satisfy.
     */
    @org.junit.jupiter.api.Test
    void onAnExistingTableTheMetadataLockAndTheDataDependenceAreClaimed() {
        Column v20 = col("a", "varchar(20)");
        Table table = new Table(T, List.of(col("id", "int(11)"), v20), List.of(), null);
        SchemaModel current = SchemaModel.EMPTY.withTables(List.of(table));
        MysqlSafetyClassifier classifier = new MysqlSafetyClassifier();
        Classification narrowed = classifier.classify(alter(v20, col("a", "varchar(5)"), ColumnChangeKind.TYPE), current);
        assertEquals(List.of(new TableLock(T, LockLevel.ACCESS_EXCLUSIVE)), narrowed.locks());
        assertTrue(narrowed.hazards().stream().anyMatch(h -> h.code() == HazardCode.DATA_DEPENDENT
                && h.message().equals("fails unless every value of t.a fits varchar(5) (plan checks the live data)")),
                narrowed.hazards().toString());
        assertTrue(narrowed.hazards().stream().anyMatch(h -> h.code() == HazardCode.ACCESS_EXCLUSIVE_LOCK
                && h.message().startsWith("takes an exclusive metadata lock on t at its start and end")),
                narrowed.hazards().toString());
        assertTrue(narrowed.classes().contains(SafetyClass.LOCKING), narrowed.classes().toString());
        Classification added = classifier.classify(new AddColumn(T, col("b", "int(11)"), "a"), current);
        assertEquals(List.of(HazardCode.ACCESS_EXCLUSIVE_LOCK), added.hazards().stream().map(Hazard::code).toList());
        Classification onNewTable = classifier.classify(new AddColumn(QualifiedName.of("db", "fresh"),
                col("b", "int(11)"), "a"), current);
        assertEquals(List.of(), onNewTable.locks(), "a table the plan creates is not locked");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hazards(String name, Change change, List<HazardCode> expected) {
        // The metadata lock every ALTER of an existing table takes, and the data-dependent failures, are
        // tested on their own (MetadataLocks, DataDependence): here, what the algorithm and the rows mean.
        List<HazardCode> got = new MysqlSafetyClassifier().classify(change, EXISTING).hazards().stream()
                .map(Hazard::code).filter(c -> c != HazardCode.ACCESS_EXCLUSIVE_LOCK && c != HazardCode.DATA_DEPENDENT)
                .toList();
        assertEquals(expected, got, name);
    }
}
