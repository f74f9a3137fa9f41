package dev.converge.engine.diff;

import dev.converge.engine.change.AlterSequence;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateSequence;
import dev.converge.engine.change.DropSequence;
import dev.converge.engine.change.SetSequenceOwner;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Sequence;
import dev.converge.engine.model.Table;
import java.util.List;
import java.util.Objects;

/**
 * SequenceDiffer creates, alters and drops sequences and sets their owner. A sequence owned by a
 * column that the plan drops (with its table, or alone) goes with it, so it gets no drop step.
 */
final class SequenceDiffer {
    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        for (Sequence desired : to.sequences().values()) {
            Sequence current = from.sequences().get(desired.name());
            if (current == null) {
                out.add(new CreateSequence(desired));
                if (desired.ownedBy() != null) {
                    out.add(new SetSequenceOwner(desired));
                }
                Comments.forNew(desired.ref(), desired.comment(), out);
                continue;
            }
            if (!current.sameOptions(desired)) {
                out.add(new AlterSequence(current, desired));
            }
            if (!Objects.equals(current.ownedBy(), desired.ownedBy())) {
                out.add(new SetSequenceOwner(desired));
            }
            Comments.diff(desired.ref(), current.comment(), desired.comment(), out);
        }
        for (Sequence current : from.sequences().values()) {
            if (!to.sequences().containsKey(current.name()) && !goesWithItsOwner(current, to)) {
                out.add(new DropSequence(current));
            }
        }
    }

    /** True when the owning column is dropped by the plan, which drops the sequence too. */
    private static boolean goesWithItsOwner(Sequence sequence, ModelIndex to) {
        ObjectRef owner = sequence.ownedBy();
        if (owner == null || owner.kind() != ObjectKind.COLUMN) {
            return false;
        }
        Table desiredTable = to.tables().get(owner.name());
        return desiredTable == null || desiredTable.column(owner.member()).isEmpty();
    }
}
