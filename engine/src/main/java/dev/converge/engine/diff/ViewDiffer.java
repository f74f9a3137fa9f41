package dev.converge.engine.diff;

import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.CreateMaterializedView;
import dev.converge.engine.change.CreateView;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.change.RecreateEnum;
import dev.converge.engine.change.DropCompositeType;
import dev.converge.engine.change.DropDomain;
import dev.converge.engine.change.DropEnum;
import dev.converge.engine.change.DropMaterializedView;
import dev.converge.engine.change.DropRoutine;
import dev.converge.engine.change.DropSequence;
import dev.converge.engine.change.DropTable;
import dev.converge.engine.change.DropView;
import dev.converge.engine.change.ReleaseColumn;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.MaterializedView;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.View;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * ViewDiffer creates, drops and replaces views and materialized views, and diffs the comments on
 * views and their columns.
 *
 * <p>A view is replaced (dropped, then created again) when its query or options change, and also
 * when it reads an object the plan changes underneath it: a column it reads whose type changes or
 * that is dropped, a dropped table, type or routine (a routine whose signature or result changes
 * is dropped and created again). PostgreSQL refuses such changes while a view depends on the
 * object ("cannot alter type of a column used by a view or rule"). Replacing a view replaces every
 * view that reads it, transitively, for the same reason.
 */
final class ViewDiffer {
    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        Set<ObjectRef> disturbed = disturbedObjects(out);
        Set<ObjectRef> replace = new TreeSet<>();
        for (View current : from.views().values()) {
            View desired = to.views().get(current.name());
            boolean changed = desired != null && !sameView(current, desired);
            boolean readsDisturbed = current.dependsOn().stream().anyMatch(disturbed::contains);
            if (desired != null && (changed || readsDisturbed)) {
                replace.add(current.ref());
            }
        }
        for (MaterializedView current : from.materializedViews().values()) {
            MaterializedView desired = to.materializedViews().get(current.name());
            boolean changed = desired != null && !(current.definition().equals(desired.definition())
                    && current.options().equals(desired.options()));
            boolean readsDisturbed = current.dependsOn().stream().anyMatch(disturbed::contains);
            if (desired != null && (changed || readsDisturbed)) {
                replace.add(current.ref());
            }
        }
        closeOverDependents(from, to, replace);
        for (View desired : to.views().values()) {
            View current = from.views().get(desired.name());
            if (current == null) {
                out.add(new CreateView(desired));
                commentsOfNewView(desired, out);
            } else if (replace.contains(desired.ref())) {
                out.add(new DropView(current));
                out.add(new CreateView(desired));
                commentsOfNewView(desired, out);
            } else {
                Comments.diff(desired.ref(), current.comment(), desired.comment(), out);
                diffColumnComments(current, desired, out);
            }
        }
        for (View current : from.views().values()) {
            if (!to.views().containsKey(current.name())) {
                out.add(new DropView(current));
            }
        }
        diffMaterialized(from, to, replace, out);
    }

    /**
     * Materialized views follow the same rules as views; a replaced one loses its indexes with it, so
     * every index it should have is created again (unless the index differ already does).
     */
    private static void diffMaterialized(ModelIndex from, ModelIndex to, Set<ObjectRef> replace, List<Change> out) {
        Set<ObjectRef> createdIndexes = new HashSet<>();
        out.stream().filter(CreateIndex.class::isInstance).forEach(c -> createdIndexes.add(c.target()));
        for (MaterializedView desired : to.materializedViews().values()) {
            MaterializedView current = from.materializedViews().get(desired.name());
            if (current != null && !replace.contains(desired.ref())) {
                Comments.diff(desired.ref(), current.comment(), desired.comment(), out);
                continue;
            }
            if (current != null) {
                out.add(new DropMaterializedView(current));
            }
            out.add(new CreateMaterializedView(desired));
            Comments.forNew(desired.ref(), desired.comment(), out);
            if (current != null) {
                for (Index index : to.indexes().values()) {
                    if (index.table().equals(desired.name()) && !createdIndexes.contains(index.ref())) {
                        out.add(new CreateIndex(index));
                        Comments.forNew(index.ref(), index.comment(), out);
                    }
                }
            }
        }
        for (MaterializedView current : from.materializedViews().values()) {
            if (!to.materializedViews().containsKey(current.name())) {
                out.add(new DropMaterializedView(current));
            }
        }
    }

    /** A created (or re-created) view starts without comments: every one it should have is a step. */
    private static void commentsOfNewView(View view, List<Change> out) {
        Comments.forNew(view.ref(), view.comment(), out);
        view.columnComments().forEach((column, comment) -> Comments.forNew(view.columnRef(column), comment, out));
    }

    /** Column comments of a kept view: in column-name order, a column on one side only counting as uncommented. */
    private static void diffColumnComments(View current, View desired, List<Change> out) {
        Set<String> columns = new TreeSet<>(current.columnComments().keySet());
        columns.addAll(desired.columnComments().keySet());
        for (String column : columns) {
            Comments.diff(desired.columnRef(column), current.columnComments().get(column),
                    desired.columnComments().get(column), out);
        }
    }

    private static boolean sameView(View a, View b) {
        return a.definition().equals(b.definition()) && a.options().equals(b.options());
    }

    /**
     * Columns that change type or go, and dropped tables, types and sequences. Columns are named one
     * by one: a view is listed as reading exactly the columns its query uses, and PostgreSQL lets any
     * other column of the table change under it.
     */
    static Set<ObjectRef> disturbedObjects(List<Change> changes) {
        Set<ObjectRef> disturbed = new LinkedHashSet<>();
        for (Change change : changes) {
            if (change instanceof AlterColumn || change instanceof ReleaseColumn) {
                AlterColumn alter = change instanceof ReleaseColumn ? ((ReleaseColumn) change).asAlterColumn()
                        : (AlterColumn) change;
                if (alter.kinds().contains(ColumnChangeKind.TYPE) || alter.kinds().contains(ColumnChangeKind.COLLATION)) {
                    disturbed.add(change.target());
                }
            } else if (change instanceof RecreateEnum recreate) {
                // the type is renamed away and dropped: whatever reads it or its columns must go first
                disturbed.add(change.target());
                recreate.columns().forEach(c -> disturbed.add(c.ref()));
            } else if (change instanceof DropColumn || change instanceof DropTable || change instanceof DropEnum
                    || change instanceof DropSequence || change instanceof DropRoutine || change instanceof DropDomain
                    || change instanceof DropCompositeType || change instanceof DropMaterializedView
                    || change instanceof dev.converge.engine.change.DropCatalogObject) {
                disturbed.add(change.target());
            }
        }
        return disturbed;
    }

    /**
     * Adds every kept view or materialized view that reads a replaced or dropped one, until nothing
     * more is added.
     */
    private static void closeOverDependents(ModelIndex from, ModelIndex to, Set<ObjectRef> replace) {
        Deque<ObjectRef> work = new ArrayDeque<>(replace);
        from.views().values().stream().filter(v -> !to.views().containsKey(v.name())).forEach(v -> work.add(v.ref()));
        from.materializedViews().values().stream().filter(v -> !to.materializedViews().containsKey(v.name()))
                .forEach(v -> work.add(v.ref()));
        while (!work.isEmpty()) {
            ObjectRef gone = work.pop();
            for (View view : from.views().values()) {
                if (view.dependsOn().contains(gone) && to.views().containsKey(view.name()) && replace.add(view.ref())) {
                    work.add(view.ref());
                }
            }
            for (MaterializedView view : from.materializedViews().values()) {
                if (view.dependsOn().contains(gone) && to.materializedViews().containsKey(view.name())
                        && replace.add(view.ref())) {
                    work.add(view.ref());
                }
            }
        }
    }
}
