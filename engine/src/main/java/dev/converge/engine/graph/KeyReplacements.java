package dev.converge.engine.graph;

import dev.converge.engine.change.AddConstraint;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.DropConstraint;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.TableConstraint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * KeyReplacements keeps a changed primary key or unique constraint (dropped, then added again under
 * the same name) in one transaction: nothing that runs on its own, outside a transaction, may come
 * between its drop and its add, or the table would be committed without the key, open to duplicates
 * that then make the add fail. These are order hints (they yield to every rule): the drop comes after
 * the columns that only become NOT NULL (whose online form validates a check on its own), and the other
 * constraints of the table (a check added NOT VALID, then validated on its own) come after the add.
 */
final class KeyReplacements {
    private KeyReplacements() {
    }

    /** True for an AlterColumn that does nothing but set NOT NULL. */
    static boolean onlySetsNotNull(AlterColumn change) {
        return change.kinds().equals(EnumSet.of(ColumnChangeKind.NOT_NULL)) && change.to().notNull();
    }

    /** True for the drop of a primary key or unique constraint. */
    static boolean dropsKey(Change change) {
        return change instanceof DropConstraint drop && isKey(drop.constraint());
    }

    /** For each change with hints, the changes it should come after. */
    static Map<Change, List<Change>> hints(List<Change> changes) {
        Map<Change, List<Change>> hints = new IdentityHashMap<>();
        for (Change change : changes) {
            if (!(change instanceof DropConstraint drop) || !isKey(drop.constraint())) {
                continue;
            }
            AddConstraint add = addedAgain(drop, changes);
            if (add == null) {
                continue;
            }
            List<Change> dropAfter = new ArrayList<>();
            for (Change other : changes) {
                if (other instanceof AlterColumn alter && onlySetsNotNull(alter)) {
                    dropAfter.add(alter);
                } else if (other instanceof AddConstraint check && check != add && check.table().equals(add.table())
                        && !isKey(check.constraint())) {
                    hints.computeIfAbsent(check, k -> new ArrayList<>()).add(add);
                }
            }
            if (!dropAfter.isEmpty()) {
                hints.computeIfAbsent(drop, k -> new ArrayList<>()).addAll(dropAfter);
            }
        }
        return hints;
    }

    private static AddConstraint addedAgain(DropConstraint drop, List<Change> changes) {
        for (Change change : changes) {
            if (change instanceof AddConstraint add && add.table().equals(drop.table())
                    && add.constraint().name().equals(drop.constraint().name())) {
                return add;
            }
        }
        return null;
    }

    private static boolean isKey(TableConstraint constraint) {
        return constraint.kind() == ConstraintKind.PRIMARY_KEY || constraint.kind() == ConstraintKind.UNIQUE;
    }
}
