package dev.converge.engine.diff;

import dev.converge.engine.change.AddEnumValue;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateEnum;
import dev.converge.engine.change.DropEnum;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.EnumType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * EnumDiffer creates and drops enum types and adds new labels in place. Labels can only be added
 * (PostgreSQL has no way to remove or reorder one without recreating the type and every column that
 * uses it), so a desired enum that removes or reorders labels is refused with an explanation.
 */
final class EnumDiffer {
    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        for (EnumType desired : to.enums().values()) {
            EnumType current = from.enums().get(desired.name());
            if (current == null) {
                out.add(new CreateEnum(desired));
                Comments.forNew(desired.ref(), desired.comment(), out);
                continue;
            }
            if (!current.labels().equals(desired.labels())) {
                addLabels(current, desired, out);
            }
            Comments.diff(desired.ref(), current.comment(), desired.comment(), out);
        }
        for (EnumType current : from.enums().values()) {
            if (!to.enums().containsKey(current.name())) {
                out.add(new DropEnum(current));
            }
        }
    }

    private static void addLabels(EnumType current, EnumType desired, List<Change> out) {
        List<String> kept = desired.labels().stream().filter(current.labels()::contains).toList();
        if (!kept.equals(current.labels())) {
            throw new ConvergeException(ErrorKind.ERROR, "enum " + desired.name() + " would lose or reorder labels "
                    + current.labels() + " -> " + desired.labels() + ": PostgreSQL can only add labels to an enum;"
                    + " create a new type and migrate the columns to it instead");
        }
        Set<String> existing = new HashSet<>(current.labels());
        List<String> labels = desired.labels();
        for (int i = 0; i < labels.size(); i++) {
            if (!existing.contains(labels.get(i))) {
                out.add(new AddEnumValue(desired, labels.get(i), nextExisting(labels, i, existing)));
            }
        }
    }

    /** The first label after position i that already exists, to add the new one BEFORE it; null to append. */
    private static String nextExisting(List<String> labels, int i, Set<String> existing) {
        for (int j = i + 1; j < labels.size(); j++) {
            if (existing.contains(labels.get(j))) {
                return labels.get(j);
            }
        }
        return null;
    }
}
