package dev.converge.engine.diff;

import dev.converge.engine.change.AddEnumValue;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateEnum;
import dev.converge.engine.change.DropEnum;
import dev.converge.engine.change.RecreateEnum;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Table;
import java.util.ArrayList;
import java.util.function.Predicate;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.EnumType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * EnumDiffer creates and drops enum types and adds new labels in place, each at its desired position
 * ({@code ADD VALUE ... BEFORE}). Labels can only be added in place: PostgreSQL has no way to remove or
 * reorder one without recreating the type and converting every column that uses it. A desired enum
 * that removes or reorders labels is therefore refused with an explanation, unless the project allows
 * that recreation for the type ({@code mayRecreate}): then it becomes one {@link RecreateEnum} step.
 */
final class EnumDiffer {
    private static final NamedObjects<EnumType> ENUMS = new NamedObjects<>(CreateEnum::new, DropEnum::new,
            EnumType::ref, EnumType::comment);

    private final Predicate<ObjectRef> mayRecreate;

    EnumDiffer(Predicate<ObjectRef> mayRecreate) {
        this.mayRecreate = mayRecreate;
    }

    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        ENUMS.diff(from.enums(), to.enums(), (current, desired, steps) -> relabel(current, desired, from, to, steps), out);
    }

    /** New labels in place; lost or reordered ones by recreating the type (the new type starts without a comment), if allowed. */
    private NamedObjects.Outcome relabel(EnumType current, EnumType desired, ModelIndex from, ModelIndex to,
                                         List<Change> out) {
        if (current.labels().equals(desired.labels())) {
            return NamedObjects.Outcome.IN_PLACE;
        }
        if (onlyAdds(current, desired)) {
            addLabels(current, desired, out);
            return NamedObjects.Outcome.IN_PLACE;
        }
        if (!mayRecreate.test(desired.ref())) {
            throw refusal(current, desired);
        }
        out.add(new RecreateEnum(current, desired, columnsUsing(current, from, to)));
        return NamedObjects.Outcome.ANEW;
    }

    /** The desired labels keep every current one, in the current order: new ones can be added in place. */
    private static boolean onlyAdds(EnumType current, EnumType desired) {
        return desired.labels().stream().filter(current.labels()::contains).toList().equals(current.labels());
    }

    private static ConvergeException refusal(EnumType current, EnumType desired) {
        // A refusal (3), as for any step the policy does not allow: the annotation below allows it.
        return new ConvergeException(ErrorKind.REFUSED, "enum " + desired.name() + " would lose or reorder labels "
                + current.labels() + " -> " + desired.labels() + ": PostgreSQL can only add labels to an enum;"
                + " create a new type and migrate the columns to it instead, or let Converge do it (rename the type,"
                + " create it again, convert every column through text, which rewrites their tables, drop the old"
                + " type) with the annotation '-- converge:allow TABLE_REWRITE' on the line before CREATE TYPE "
                + desired.name());
    }

    /**
     * The columns of the target that use the type (or an array of it) and keep using it; partitions
     * are left out, since converting the column of a partitioned table converts its partitions.
     */
    private static List<RecreateEnum.ColumnUse> columnsUsing(EnumType type, ModelIndex from, ModelIndex to) {
        List<RecreateEnum.ColumnUse> uses = new ArrayList<>();
        for (Table table : from.model().tables()) {
            Table desiredTable = to.tables().get(table.name());
            if (table.partitionOf() != null || desiredTable == null) {
                continue;
            }
            for (Column column : table.columns()) {
                Column desired = desiredTable.columns().stream().filter(c -> c.name().equals(column.name()))
                        .findFirst().orElse(null);
                if (column.dependsOn().contains(type.ref()) && desired != null
                        && desired.dependsOn().contains(type.ref())) {
                    uses.add(new RecreateEnum.ColumnUse(table.name(), column.name(), column.type().endsWith("[]"),
                            column.defaultExpression() != null, desired.defaultExpression()));
                }
            }
        }
        return uses;
    }

    private static void addLabels(EnumType current, EnumType desired, List<Change> out) {
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
