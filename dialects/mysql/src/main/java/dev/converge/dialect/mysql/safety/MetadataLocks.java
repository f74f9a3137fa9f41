package dev.converge.dialect.mysql.safety;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.DropIndex;
import dev.converge.engine.change.ReplaceIndex;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.LockLevel;
import dev.converge.engine.safety.TableLock;
import java.util.List;
import java.util.Optional;

/**
 * MetadataLocks states the lock every MySQL statement on an existing table takes, whatever its
 * algorithm: an exclusive metadata lock, for a moment at its start and end (INSTANT: only that). It
 * waits behind every open transaction that touched the table and, while it waits, blocks every query
 * queued after it, reads included: PostgreSQL's brief ACCESS EXCLUSIVE, which is the level the plan
 * claims (https://dev.mysql.com/doc/refman/8.0/en/metadata-locking.html,
 * https://mariadb.com/kb/en/metadata-locking/). Each statement also commits implicitly, so a failure
 * cannot roll back the steps before it: apply undoes them with their inverse statements. A table the
 * plan creates is unused: no lock is claimed on it.
 */
final class MetadataLocks {
    private MetadataLocks() {
    }

    /** The lock claim of {@code change}, with its hazard added to {@code hazards}; none off existing tables. */
    static List<TableLock> of(Change change, SchemaModel current, List<Hazard> hazards) {
        Optional<QualifiedName> table = tableOf(change);
        if (table.isEmpty() || !CurrentTables.of(current).containsKey(table.get())) {
            return List.of();
        }
        hazards.add(new Hazard(HazardCode.ACCESS_EXCLUSIVE_LOCK, "takes an exclusive metadata lock on "
                + table.get().name() + " at its start and end: it waits behind open transactions on the table and"
                + " blocks every query queued after it; the statement commits on its own"));
        return List.of(new TableLock(table.get(), LockLevel.ACCESS_EXCLUSIVE));
    }

    /** The table a change alters: its own target, or the owner of a member (column, key, trigger) or index. */
    private static Optional<QualifiedName> tableOf(Change change) {
        if (change instanceof CreateIndex create) {
            return Optional.of(create.index().table());
        }
        if (change instanceof DropIndex drop) {
            return Optional.of(drop.index().table());
        }
        if (change instanceof ReplaceIndex replace) {
            return Optional.of(replace.to().table());
        }
        ObjectRef target = change.target();
        boolean inTable = target.kind() == ObjectKind.TABLE || !target.member().isEmpty();
        return inTable ? Optional.of(target.name()) : Optional.empty();
    }
}
