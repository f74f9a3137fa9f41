package dev.converge.engine.diff;

import dev.converge.engine.change.AddForeignKey;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.DropConstraint;
import dev.converge.engine.change.DropForeignKey;
import dev.converge.engine.change.DropIndex;
import dev.converge.engine.change.ReplaceIndex;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.QualifiedName;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ForeignKeyDiffer adds, replaces and drops foreign keys.
 *
 * <p>A key on a table the plan drops goes with that table, unless it refers to another table the plan
 * also drops (then it is dropped first on its own, so that the tables can be dropped in any order:
 * this is how a cycle of references between dropped tables is broken), or to a table that loses the
 * unique key it relies on. A key that refers to a table
 * whose primary key, unique constraint or unique index is being dropped or replaced is dropped and
 * added again around it, since PostgreSQL will not drop a unique key a foreign key relies on.
 */
final class ForeignKeyDiffer {
    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        Set<QualifiedName> uniqueKeysChanged = tablesLosingUniqueKeys(out);
        for (ForeignKey desired : to.foreignKeys().values()) {
            ForeignKey current = from.foreignKeys().get(desired.ref());
            boolean same = current != null && current.definition().equals(desired.definition());
            if (same && !uniqueKeysChanged.contains(current.referencedTable())) {
                Comments.diff(desired.ref(), current.comment(), desired.comment(), out);
                continue;
            }
            if (current != null) {
                out.add(new DropForeignKey(current));
            }
            out.add(new AddForeignKey(desired));
            Comments.forNew(desired.ref(), desired.comment(), out);
        }
        for (ForeignKey current : from.foreignKeys().values()) {
            if (!to.foreignKeys().containsKey(current.ref()) && needsOwnDrop(current, to, uniqueKeysChanged)) {
                out.add(new DropForeignKey(current));
            }
        }
    }

    /**
     * A key on a dropped table goes with it, unless something must happen before the table's drop
     * that the key would block: the referenced table is dropped too, or loses the unique key this
     * key relies on.
     */
    private static boolean needsOwnDrop(ForeignKey key, ModelIndex to, Set<QualifiedName> uniqueKeysChanged) {
        boolean tableKept = to.tables().containsKey(key.table());
        boolean referencesOtherDroppedTable = !key.referencedTable().equals(key.table())
                && !to.tables().containsKey(key.referencedTable());
        return tableKept || referencesOtherDroppedTable || uniqueKeysChanged.contains(key.referencedTable());
    }

    private static Set<QualifiedName> tablesLosingUniqueKeys(List<Change> changes) {
        Set<QualifiedName> tables = new HashSet<>();
        for (Change change : changes) {
            if (change instanceof DropConstraint) {
                DropConstraint drop = (DropConstraint) change;
                ConstraintKind kind = drop.constraint().kind();
                if (kind == ConstraintKind.PRIMARY_KEY || kind == ConstraintKind.UNIQUE) {
                    tables.add(drop.table());
                }
            } else if (change instanceof DropIndex && ((DropIndex) change).index().unique()) {
                tables.add(((DropIndex) change).index().table());
            } else if (change instanceof ReplaceIndex && ((ReplaceIndex) change).from().unique()) {
                // A foreign key may rely on the old unique index, which then cannot be dropped under it.
                tables.add(((ReplaceIndex) change).from().table());
            }
        }
        return tables;
    }
}
