package dev.converge.dialect.mysql.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.CreateSequence;
import dev.converge.engine.change.DropIndex;
import dev.converge.engine.change.SetComment;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Sequence;
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
}
