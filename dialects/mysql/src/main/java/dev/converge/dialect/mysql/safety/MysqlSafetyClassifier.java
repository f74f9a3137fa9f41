package dev.converge.dialect.mysql.safety;

import dev.converge.engine.change.Action;
import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.AddConstraint;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.AlterTableOptions;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.ReplaceIndex;
import dev.converge.engine.model.Index;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.change.DropConstraint;
import dev.converge.engine.change.DropTable;
import dev.converge.engine.change.AddForeignKey;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.safety.Classification;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.spi.SafetyClassifier;
import java.util.ArrayList;
import java.util.List;

/**
 * MysqlSafetyClassifier classifies a change with the engine's classes and hazard codes, from MySQL's
 * facts: which ALTER TABLE algorithm the server uses for it (INSTANT: metadata only; INPLACE: built
 * in place while reads and writes go on, LOCK=NONE; COPY: the table is copied row by row while
 * writes wait, LOCK=SHARED) on the servers Converge supports (MariaDB 10.4+, MySQL 8.0.29+, where
 * adding and dropping a column are INSTANT). Every ALTER also takes an exclusive metadata lock for a
 * moment at its start and end, which waits behind open transactions on the table; that is said in
 * docs/mysql.md rather than on every step.
 */
public final class MysqlSafetyClassifier implements SafetyClassifier {
    @Override
    public Classification classify(Change change, SchemaModel current) {
        List<Hazard> hazards = new ArrayList<>();
        if (change instanceof DropTable drop) {
            hazards.add(new Hazard(HazardCode.DATA_LOSS, "drops table " + drop.table().name() + " and all its rows"));
        } else if (change instanceof DropColumn drop) {
            hazards.add(new Hazard(HazardCode.DATA_LOSS, "drops column " + drop.column().name() + " and its values"));
        } else if (change instanceof AddColumn add) {
            addColumn(add.column(), hazards);
        } else if (change instanceof AlterColumn alter) {
            alterColumn(alter, hazards);
        } else if (change instanceof AddConstraint add) {
            if (add.constraint().kind() == ConstraintKind.PRIMARY_KEY) {
                hazards.add(rebuild("adding a primary key rebuilds the table (INPLACE)"));
                hazards.add(scan("fails if the key columns hold duplicates or NULLs"));
            } else {
                hazards.add(copy("adding a CHECK constraint copies the table (COPY) to check every row"));
                hazards.add(scan("fails if a row violates the check"));
            }
        } else if (change instanceof DropConstraint drop && drop.constraint().kind() == ConstraintKind.PRIMARY_KEY) {
            hazards.add(copy("dropping a primary key copies the table (COPY)"));
            hazards.add(writesWait("dropping a primary key"));
        } else if (change instanceof CreateIndex || change instanceof ReplaceIndex) {
            Index index = change instanceof CreateIndex create ? create.index() : ((ReplaceIndex) change).to();
            String method = index.method();
            if (method.equals("FULLTEXT") || method.equals("SPATIAL")) {
                hazards.add(new Hazard(HazardCode.INDEX_BUILD, "builds a " + method + " index in place"));
                hazards.add(writesWait("a " + method + " index build (LOCK=SHARED)"));
            } else {
                hazards.add(new Hazard(HazardCode.INDEX_BUILD, "builds the index in place (INPLACE, LOCK=NONE):"
                        + " reads and writes go on" + (index.unique() ? "; fails if the keys hold duplicates" : "")));
            }
        } else if (change instanceof AlterTableOptions options) {
            tableOptions(options, hazards);
        } else if (change instanceof AddForeignKey) {
            hazards.add(scan("checks every row against the referenced table; fails on orphans"));
        }
        ProgramHazards.add(change, hazards);
        return Classification.of(change.action() == Action.CREATE, hazards);
    }

    /** A new engine copies the table; a new row format or block size rebuilds it; new defaults are metadata. */
    private static void tableOptions(AlterTableOptions change, List<Hazard> hazards) {
        List<String> changed = change.to().stream().filter(o -> !change.from().contains(o)).toList();
        if (changed.stream().anyMatch(o -> o.startsWith("ENGINE="))) {
            hazards.add(copy("a new storage engine copies the table (COPY)"));
            hazards.add(writesWait("the engine change"));
        } else if (changed.stream().anyMatch(o -> !o.startsWith("DEFAULT CHARSET=") && !o.startsWith("COLLATE="))
                || change.from().size() > change.to().size()) {
            hazards.add(rebuild("a new row format or block size rebuilds the table (INPLACE)"));
        }
    }

    private static void addColumn(Column column, List<Hazard> hazards) {
        if (column.identity() != Identity.NONE) {
            hazards.add(copy("adding an AUTO_INCREMENT column copies the table (COPY) to number the rows"));
            hazards.add(writesWait("adding an AUTO_INCREMENT column"));
        } else if (column.generatedExpression() != null && column.generatedExpression().endsWith(" STORED")) {
            hazards.add(copy("adding a STORED generated column copies the table (COPY) to compute it"));
            hazards.add(writesWait("adding a STORED generated column"));
        }
        // Anything else is INSTANT: metadata only.
    }

    private static void alterColumn(AlterColumn alter, List<Hazard> hazards) {
        ColumnChange change = new ColumnChange(alter.from(), alter.to());
        if (alter.kinds().contains(ColumnChangeKind.TYPE) && change.typeHeadChanged()) {
            if (change.narrows()) {
                hazards.add(new Hazard(HazardCode.DATA_LOSS, "narrows " + alter.from().type() + " to "
                        + ColumnTypes.head(alter.to()) + ": longer values would be truncated or refused"));
            }
            if (change.instantTypeChange() && !alter.kinds().contains(ColumnChangeKind.COLLATION)) {
                return;
            }
            hazards.add(copy("changing the type copies the table (COPY)"));
            hazards.add(writesWait("a type change"));
            return;
        }
        if (alter.kinds().contains(ColumnChangeKind.COLLATION) || alter.kinds().contains(ColumnChangeKind.IDENTITY)) {
            hazards.add(copy("changing the " + (alter.kinds().contains(ColumnChangeKind.IDENTITY) ? "AUTO_INCREMENT property"
                    : "collation") + " copies the table (COPY)"));
            hazards.add(writesWait("this column change"));
            return;
        }
        if (alter.kinds().contains(ColumnChangeKind.NOT_NULL) && alter.to().notNull()) {
            hazards.add(rebuild("setting NOT NULL rebuilds the table (INPLACE)"));
            hazards.add(scan("fails if the column holds NULLs (strict sql_mode)"));
        } else if (alter.kinds().contains(ColumnChangeKind.NOT_NULL)) {
            hazards.add(rebuild("dropping NOT NULL rebuilds the table (INPLACE)"));
        } else if (change.checkChanged()) {
            hazards.add(scan("checks every row against the column's new CHECK"));
        }
        // A new default, comment, ON UPDATE or visibility is INSTANT: metadata only.
    }

    private static Hazard rebuild(String why) {
        return new Hazard(HazardCode.TABLE_REWRITE, why + "; reads and writes go on (LOCK=NONE)");
    }

    private static Hazard copy(String why) {
        return new Hazard(HazardCode.TABLE_REWRITE, why);
    }

    private static Hazard writesWait(String what) {
        return new Hazard(HazardCode.BLOCKS_WRITES, "writes to the table wait while " + what + " runs");
    }

    private static Hazard scan(String why) {
        return new Hazard(HazardCode.FULL_TABLE_SCAN, "reads every row: " + why);
    }
}
