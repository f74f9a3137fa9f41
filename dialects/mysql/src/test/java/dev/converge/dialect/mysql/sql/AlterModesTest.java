package dev.converge.dialect.mysql.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.change.DropConstraint;
import dev.converge.engine.change.SetComment;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import dev.converge.engine.spi.ServerVersion;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ALTER TABLE algorithm and lock per change, server and table (checked on MariaDB by the convergence cases). */
class AlterModesTest {
    private static final QualifiedName T = QualifiedName.of("db", "t");
    private static final ServerVersion MARIADB = new ServerVersion(10, 11, "10.11.19-MariaDB-0+deb12u1");
    private static final ServerVersion MYSQL = new ServerVersion(8, 0, "8.0.36");
    private static final ServerVersion OLD_MYSQL = new ServerVersion(8, 0, "8.0.27");
    private static final Column A = Column.of("a", "varchar(20)", false);
    private static final Column B = Column.of("b", "int(11)", false);

    private static SchemaModel current(List<String> options, Index... indexes) {
        Table t = new Table(T, List.of(A, B), List.of(new TableConstraint("PRIMARY", ConstraintKind.PRIMARY_KEY,
                "PRIMARY KEY (`b`)", List.of("b"), null)), null, options);
        return new SchemaModel(List.of(), List.of(), List.of(), List.of(t), List.of(indexes), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static final SchemaModel INNODB = current(List.of("ENGINE=InnoDB"));

    private static String clause(ServerVersion version, Change change, SchemaModel current) {
        return AlterModes.of(version).of(change, current).map(AlterMode::clause).orElse("none");
    }

    private static Index index(String name, String method, String key) {
        return new Index(QualifiedName.of("db", "t." + name), T, false, method, List.of(key), List.of(), null,
                method + " INDEX `" + name + "` (" + key + ")", null);
    }

    @Test
    void columnsAreAddedAndDroppedInstantlyWhereTheServerCan() {
        Change add = new AddColumn(T, Column.of("c", "int(11)", false), "a");
        assertEquals("ALGORITHM=INSTANT", clause(MARIADB, add, INNODB));
        assertEquals("ALGORITHM=INSTANT", clause(MYSQL, add, INNODB));
        assertEquals("ALGORITHM=INPLACE, LOCK=NONE", clause(OLD_MYSQL, add, INNODB));
        assertEquals("ALGORITHM=INSTANT", clause(MARIADB, new DropColumn(T, A), INNODB));
    }

    @Test
    void fulltextCompressedAndOtherEnginesRuleOutInstant() {
        Change add = new AddColumn(T, Column.of("c", "int(11)", false), "a");
        assertEquals("ALGORITHM=INPLACE, LOCK=SHARED", clause(MARIADB, add,
                current(List.of("ENGINE=InnoDB"), index("ft", "FULLTEXT", "`a`"))));
        assertEquals("ALGORITHM=INPLACE, LOCK=NONE", clause(MARIADB, add,
                current(List.of("ENGINE=InnoDB", "ROW_FORMAT=COMPRESSED"))));
        assertEquals("ALGORITHM=COPY, LOCK=SHARED", clause(MARIADB, add, current(List.of("ENGINE=MyISAM"))));
        assertEquals("ALGORITHM=INPLACE, LOCK=NONE", clause(MARIADB, new DropColumn(T, A),
                current(List.of("ENGINE=InnoDB"), index("ix", "BTREE", "`a`"))), "an indexed column");
    }

    @Test
    void serversDifferOnMetadataChanges() {
        Change comment = new SetComment(ObjectRef.of(ObjectKind.TABLE, T), "x");
        assertEquals("ALGORITHM=INSTANT", clause(MARIADB, comment, INNODB));
        assertEquals("ALGORITHM=INPLACE, LOCK=NONE", clause(MYSQL, comment, INNODB));
        assertEquals("ALGORITHM=INPLACE, LOCK=NONE", clause(null, comment, INNODB), "unknown server: both accept it");
        Change widen = new AlterColumn(T, A, Column.of("a", "varchar(40)", false), Set.of(ColumnChangeKind.TYPE));
        assertEquals("ALGORITHM=INSTANT", clause(MARIADB, widen, INNODB));
        assertEquals("ALGORITHM=INPLACE, LOCK=NONE", clause(MYSQL, widen, INNODB));
    }

    @Test
    void copiesAndIndexBuilds() {
        Change retype = new AlterColumn(T, B, Column.of("b", "bigint(20)", false), Set.of(ColumnChangeKind.TYPE));
        assertEquals("ALGORITHM=COPY, LOCK=SHARED", clause(MARIADB, retype, INNODB));
        assertEquals("ALGORITHM=COPY, LOCK=SHARED", clause(MARIADB,
                new DropConstraint(T, INNODB.tables().get(0).constraints().get(0)), INNODB));
        assertEquals("ALGORITHM=INPLACE, LOCK=NONE", clause(MARIADB, new CreateIndex(index("ix", "BTREE", "`a`")), INNODB));
        assertEquals("ALGORITHM=INPLACE, LOCK=SHARED", clause(MYSQL, new CreateIndex(index("ft", "FULLTEXT", "`a`")), INNODB));
    }

    @Test
    void aTableThePlanCreatesPinsNothing() {
        Change add = new AddColumn(QualifiedName.of("db", "new_table"), Column.of("c", "int(11)", false), "a");
        assertEquals("none", clause(MARIADB, add, INNODB));
    }

    @Test
    void aCombinedStatementTakesTheCostliestAlgorithmAndStrongestLock() {
        AlterMode instant = AlterMode.instant("x");
        AlterMode index = AlterMode.inplace("y");
        AlterMode fulltext = AlterMode.inplace("z").writesWait();
        assertEquals("ALGORITHM=INPLACE, LOCK=NONE", instant.with(index).clause());
        assertEquals("ALGORITHM=INPLACE, LOCK=SHARED", index.with(fulltext).clause());
        assertEquals("ALGORITHM=COPY, LOCK=SHARED", fulltext.with(AlterMode.copy("c")).clause());
        assertEquals("ALGORITHM=INSTANT", instant.with(AlterMode.instant("w")).clause());
    }
}
