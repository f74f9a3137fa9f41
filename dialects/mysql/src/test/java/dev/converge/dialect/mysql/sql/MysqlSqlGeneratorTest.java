package dev.converge.dialect.mysql.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.CreateSequence;
import dev.converge.engine.change.DropIndex;
import dev.converge.engine.change.CreateTrigger;
import dev.converge.engine.change.DropRoutine;
import dev.converge.engine.change.DropTrigger;
import dev.converge.engine.change.ReplaceRoutine;
import dev.converge.engine.change.SetComment;
import dev.converge.engine.change.SetTriggerState;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.RoutineKind;
import dev.converge.engine.model.Sequence;
import dev.converge.engine.model.Trigger;
import dev.converge.engine.model.TriggerState;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MysqlSqlGeneratorTest {
    private static final QualifiedName T = QualifiedName.of("db", "or`der");
    private final MysqlSqlGenerator generator = new MysqlSqlGenerator();

    @Test
    void aNewColumnIsPlacedWhereTheDesiredTableHasIt() {
        Column c = new Column("sel`ect", "varchar(10) ON UPDATE x INVISIBLE COMMENT 'it''s'", true, "'a'", Identity.NONE,
                null, null, "utf8mb4_bin", null, List.of());
        assertEquals(List.of("ALTER TABLE `or``der` ADD COLUMN `sel``ect` varchar(10) COLLATE utf8mb4_bin NOT NULL"
                + " DEFAULT 'a' ON UPDATE x INVISIBLE COMMENT 'it''s' AFTER `id`"), generator.sql(new AddColumn(T, c, "id")));
        assertEquals("ALTER TABLE `or``der` ADD COLUMN `sel``ect` varchar(10) COLLATE utf8mb4_bin NOT NULL DEFAULT 'a'"
                + " ON UPDATE x INVISIBLE COMMENT 'it''s' FIRST", generator.sql(new AddColumn(T, c, "")).get(0));
    }

    @Test
    void aChangedColumnIsModifiedWithItsFullDefinition() {
        Column from = Column.of("n", "int(11)", false);
        Column to = new Column("n", "bigint(20) unsigned", false, null, Identity.BY_DEFAULT, null, null, null, null, List.of());
        assertEquals(List.of("ALTER TABLE `or``der` MODIFY COLUMN `n` bigint(20) unsigned NULL AUTO_INCREMENT"),
                generator.sql(new AlterColumn(T, from, to, Set.of(ColumnChangeKind.TYPE, ColumnChangeKind.IDENTITY))));
    }

    @Test
    void anIndexIsDroppedByItsNameInTheTable() {
        Index ix = new Index(IndexNames.modelName(T, "ix.a"), T, false, "BTREE", List.of("`a`"), List.of(), null,
                "INDEX `ix.a` (`a`)", null);
        assertEquals(List.of("ALTER TABLE `or``der` DROP INDEX `ix.a`"), generator.sql(new DropIndex(ix)));
    }

    @Test
    void tableCommentsAreSetAndCleared() {
        ObjectRef table = ObjectRef.of(ObjectKind.TABLE, T);
        assertEquals(List.of("ALTER TABLE `or``der` COMMENT = 'a\\\\b'"), generator.sql(new SetComment(table, "a\\b")));
        assertEquals(List.of("ALTER TABLE `or``der` COMMENT = ''"), generator.sql(new SetComment(table, null)));
    }

    @Test
    void kindsMysqlDoesNotHaveAreRefused() {
        Sequence s = new Sequence(QualifiedName.of("db", "s"), "bigint", 1, 1, 1, 10, 1, false, null, null);
        assertThrows(IllegalStateException.class, () -> generator.sql(new CreateSequence(s)));
    }

    private static Routine routine(String name, RoutineKind kind, String definition) {
        return new Routine(QualifiedName.of("db", name), "", kind, "()", null, definition, List.of(), null);
    }

    /** MySQL cannot change a routine's body in place: DROP IF EXISTS (a resumed step runs again) and CREATE. */
    @Test
    void aChangedRoutineIsDroppedAndCreatedInOneStepAndAnEventIsAltered() {
        Routine from = routine("p`x", RoutineKind.PROCEDURE, "CREATE PROCEDURE `p``x`() SELECT 1");
        Routine to = routine("p`x", RoutineKind.PROCEDURE, "CREATE PROCEDURE `p``x`() SELECT 2");
        assertEquals(List.of("DROP PROCEDURE IF EXISTS `p``x`", "CREATE PROCEDURE `p``x`() SELECT 2"),
                generator.sql(new ReplaceRoutine(from, to)));
        assertEquals(List.of("DROP PROCEDURE `p``x`"), generator.sql(new DropRoutine(from)));
        Routine event = routine("e", RoutineKind.EVENT, "CREATE DEFINER=`a`@`%` EVENT `e`\nON SCHEDULE EVERY 1 DAY\n"
                + "ON COMPLETION NOT PRESERVE DISABLE COMMENT ''\nDO DELETE FROM t");
        assertEquals(List.of("ALTER DEFINER=`a`@`%` EVENT `e`\nON SCHEDULE EVERY 1 DAY\n"
                + "ON COMPLETION NOT PRESERVE DISABLE COMMENT ''\nDO DELETE FROM t"), generator.sql(new ReplaceRoutine(event, event)));
        assertEquals(List.of("DROP EVENT `e`"), generator.sql(new DropRoutine(event)));
    }

    /** A trigger is created as it was written (the server shows that text), or from its definition. */
    @Test
    void aTriggerIsCreatedAsWritten() {
        Trigger written = new Trigger(T, "tr", "CREATE TRIGGER `tr` BEFORE INSERT ON `or``der` FOR EACH ROW SET NEW.a = 1",
                TriggerState.ENABLED, null, null, List.of(), "CREATE TRIGGER tr before insert ON `or``der` FOR EACH ROW SET NEW.a = 1");
        assertEquals(List.of("CREATE TRIGGER tr before insert ON `or``der` FOR EACH ROW SET NEW.a = 1"),
                generator.sql(new CreateTrigger(written)));
        Trigger plain = new Trigger(T, "tr", "CREATE TRIGGER `tr` BEFORE INSERT ON `t` FOR EACH ROW SET NEW.a = 1", TriggerState.ENABLED,
                null, null);
        assertEquals(List.of(plain.definition()), generator.sql(new CreateTrigger(plain)));
        assertEquals(List.of("DROP TRIGGER `tr`"), generator.sql(new DropTrigger(plain)));
        assertThrows(IllegalStateException.class, () -> generator.sql(new SetTriggerState(plain, plain)));
    }
}
