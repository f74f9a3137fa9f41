package dev.converge.engine.diff;

import dev.converge.engine.change.AddConstraint;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.CreateCompositeType;
import dev.converge.engine.change.CreateDomain;
import dev.converge.engine.change.CreateRoutine;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.change.DropCompositeType;
import dev.converge.engine.change.DropConstraint;
import dev.converge.engine.change.DropDomain;
import dev.converge.engine.change.DropRoutine;
import dev.converge.engine.change.ReleaseColumn;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.Domain;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.RoutineCalls;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ColumnReleases plans the columns of kept tables around an object the plan drops and creates again
 * (a routine whose signature or result changes, a domain whose base type changes), which PostgreSQL
 * refuses to drop while a column still uses it:
 * <ul>
 *   <li>a default that calls the routine is dropped before it ({@link ReleaseColumn}) and set again
 *       after it (the column's {@link AlterColumn}); a check that calls it is dropped and added
 *       again;</li>
 *   <li>a column of the domain is altered to the domain's base type before it (and its default,
 *       which is cast to the domain, dropped), and back to the domain after it: no value is lost on
 *       the way out, and the way back checks every value against the new domain, failing the apply
 *       (which rolls back) rather than keeping a value the domain refuses;</li>
 *   <li>a composite type used by a column is refused with an explanation: its values would go
 *       through text, and a changed attribute list can make them unreadable.</li>
 * </ul>
 * The checks and defaults that call a routine are found in their text, by the routine's qualified
 * name, as the server prints them with an empty search_path.
 */
final class ColumnReleases {
    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        Set<ObjectRef> recreated = recreated(out);
        if (recreated.isEmpty()) {
            return;
        }
        Set<ObjectRef> droppedColumns = new HashSet<>();
        out.stream().filter(DropColumn.class::isInstance).forEach(c -> droppedColumns.add(c.target()));
        for (Table current : from.tables().values()) {
            Table desired = to.tables().get(current.name());
            if (desired == null || current.isPartition()) {
                continue;
            }
            for (Column column : current.columns()) {
                ObjectRef ref = ObjectRef.member(ObjectKind.COLUMN, current.name(), column.name());
                Column want = desired.column(column.name()).orElse(null);
                if (want == null || droppedColumns.contains(ref)) {
                    continue;
                }
                List<ObjectRef> uses = column.dependsOn().stream().filter(recreated::contains).toList();
                if (!uses.isEmpty()) {
                    release(from, current, desired, column, want, uses, out);
                }
            }
        }
    }

    private static void release(ModelIndex from, Table table, Table desired, Column column, Column want,
                                List<ObjectRef> uses, List<Change> out) {
        Column released = column;
        for (ObjectRef used : uses) {
            if (used.kind() == ObjectKind.COMPOSITE_TYPE) {
                throw new ConvergeException(ErrorKind.ERROR, "composite type " + used.display() + " would be dropped"
                        + " and created again, but column " + table.name() + "." + column.name() + " uses it:"
                        + " PostgreSQL refuses to drop it, and moving the values through text could lose them when"
                        + " the attributes change; change the type in place (keep its attributes in order, add new"
                        + " ones at the end) or move the column to a new type by hand");
            }
            if (used.kind() == ObjectKind.DOMAIN) {
                Domain domain = from.domains().get(used.name());
                String type = released.type();
                String base = domain.baseType() + (type.endsWith("[]") ? "[]" : "");
                released = copy(released, base, null, released.dependsOn());
            } else if (used.kind() == ObjectKind.ROUTINE) {
                if (RoutineCalls.in(released.defaultExpression(), used)) {
                    released = copy(released, released.type(), null, released.dependsOn());
                }
                recreateChecksCalling(table, desired, used, out);
            }
        }
        if (released.equals(column)) {
            return;
        }
        Column releasedFinal = copy(released, released.type(), released.defaultExpression(),
                column.dependsOn().stream().filter(d -> !uses.contains(d)).toList());
        ObjectRef ref = ObjectRef.member(ObjectKind.COLUMN, table.name(), column.name());
        out.removeIf(c -> c instanceof AlterColumn && c.target().equals(ref));
        out.add(new ReleaseColumn(table.name(), column, releasedFinal, TableDiffer.columnChanges(column, releasedFinal),
                uses.get(0)));
        Set<ColumnChangeKind> back = TableDiffer.columnChanges(releasedFinal, want);
        if (!back.isEmpty()) {
            out.add(new AlterColumn(desired.name(), releasedFinal, want, back));
        }
    }

    /** The column with another type, default and dependencies; everything else kept. */
    private static Column copy(Column column, String type, String defaultExpression, List<ObjectRef> dependsOn) {
        return new Column(column.name(), type, column.notNull(), defaultExpression, column.identity(),
                column.identityOptions(), column.generatedExpression(), column.collation(), column.comment(),
                dependsOn, column.settings());
    }

    /** Checks of the table that call the routine are dropped and added again around it. */
    private static void recreateChecksCalling(Table table, Table desired, ObjectRef routine, List<Change> out) {
        for (TableConstraint check : table.constraints()) {
            if (check.kind() != ConstraintKind.CHECK || !RoutineCalls.in(check.definition(), routine)) {
                continue;
            }
            ObjectRef ref = ObjectRef.member(ObjectKind.CONSTRAINT, table.name(), check.name());
            boolean planned = out.stream().anyMatch(c -> c instanceof DropConstraint && c.target().equals(ref));
            TableConstraint wanted = desired.constraint(check.name()).orElse(null);
            if (!planned && wanted != null) {
                out.add(new DropConstraint(table.name(), check));
                out.add(new AddConstraint(desired.name(), wanted));
            }
        }
    }

    /** Routines, domains and composite types the plan drops and creates again. */
    private static Set<ObjectRef> recreated(List<Change> out) {
        Set<ObjectRef> dropped = new HashSet<>();
        Set<ObjectRef> recreated = new HashSet<>();
        for (Change change : out) {
            if (change instanceof DropRoutine || change instanceof DropDomain || change instanceof DropCompositeType) {
                dropped.add(change.target());
            }
        }
        for (Change change : out) {
            if ((change instanceof CreateRoutine || change instanceof CreateDomain || change instanceof CreateCompositeType)
                    && dropped.contains(change.target())) {
                recreated.add(change.target());
            }
        }
        return recreated;
    }
}
