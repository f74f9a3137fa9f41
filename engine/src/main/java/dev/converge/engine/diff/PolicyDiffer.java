package dev.converge.engine.diff;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreatePolicy;
import dev.converge.engine.change.DropPolicy;
import dev.converge.engine.change.SetRowSecurity;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Policy;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.RowSecurity;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * PolicyDiffer switches row-level security on and off per table and creates, replaces and drops
 * policies. A changed policy is dropped and created again (one step pair, in one transaction, so no
 * moment passes without it), as is a policy that reads a column whose type changes or a routine the plan drops. A policy or
 * setting whose table the plan drops goes with the table; a new table gets its setting after it.
 */
final class PolicyDiffer {
    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        diffRowSecurity(from, to, out);
        // Columns that change type or go, dropped tables and routines: PostgreSQL refuses those changes
        // under a policy that reads them.
        Set<ObjectRef> disturbed = ViewDiffer.disturbedObjects(out);
        for (Policy desired : to.policies().values()) {
            Policy current = from.policies().get(desired.ref());
            if (current == null) {
                out.add(new CreatePolicy(desired));
                Comments.forNew(desired.ref(), desired.comment(), out);
            } else if (!current.sameRuleAs(desired) || current.dependsOn().stream().anyMatch(disturbed::contains)) {
                out.add(new DropPolicy(current));
                out.add(new CreatePolicy(desired));
                Comments.forNew(desired.ref(), desired.comment(), out);
            } else {
                Comments.diff(desired.ref(), current.comment(), desired.comment(), out);
            }
        }
        for (Policy current : from.policies().values()) {
            if (!to.policies().containsKey(current.ref()) && to.tables().containsKey(current.table())) {
                out.add(new DropPolicy(current));
            }
        }
    }

    private static void diffRowSecurity(ModelIndex from, ModelIndex to, List<Change> out) {
        Set<QualifiedName> tables = new TreeSet<>(from.rowSecurity().keySet());
        tables.addAll(to.rowSecurity().keySet());
        for (QualifiedName table : tables) {
            if (!to.tables().containsKey(table)) {
                continue;
            }
            RowSecurity current = from.tables().containsKey(table) ? from.rowSecurity(table) : RowSecurity.off(table);
            RowSecurity desired = to.rowSecurity(table);
            if (!current.equals(desired)) {
                out.add(new SetRowSecurity(current, desired));
            }
        }
    }
}
