package dev.converge.engine.plan.phase;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.change.CreateTable;
import dev.converge.engine.change.DropTable;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.View;
import dev.converge.engine.plan.PlanStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OldNameView is the open parallel change of a table rename: expand renamed the table to its new name
 * and left an updatable view under the old one, so the release running before the rename still reads
 * and writes through the old name; contract drops the view. The view carries Converge's marker (a
 * comment where the server keeps one on a view, else a clause of its query that is always true), so
 * it is found again on the target alone.
 *
 * @param view  the view, under the table's old name
 * @param table the table, under its new name (same schema)
 */
public record OldNameView(QualifiedName view, QualifiedName table) implements ParallelChange {
    private static final Pattern MARK = Pattern.compile(Pattern.quote(ColumnSync.MARKER) + " table-view old=(\\S+?) new=(\\S+?)'?(\\s|$)");

    public OldNameView {
        requireNonNull(view, "view is null");
        requireNonNull(table, "table is null");
    }

    /** The marker of the view under {@code oldName}; names are kept plain, as in a column sync's marker. */
    public static String marker(String oldName, String newName) {
        return ColumnSync.MARKER + " table-view old=" + oldName + " new=" + newName;
    }

    /** True when a table's names can be written in a marker (no blanks, no {@code =}, no quote). */
    static boolean nameable(String name) {
        return ColumnSync.nameable(name) && name.indexOf('\'') < 0;
    }

    /**
     * The name of a scratch object of the rename ({@code role} says which), {@code converge_<role>_<table>};
     * past {@code max} characters it is cut and ends with a hash of the whole, as a sync's name is.
     */
    public static String scratchName(String role, String newName, int max) {
        return ColumnSync.fit("converge_" + role + "_" + newName, max);
    }

    @Override
    public String display() {
        return view.schema() + "." + view.name() + " -> " + table.name();
    }

    /** What the view explains in a drift report: the view itself and its columns. */
    List<ObjectRef> explains(SchemaModel live) {
        List<ObjectRef> refs = new ArrayList<>(List.of(ObjectRef.of(ObjectKind.VIEW, view)));
        live.tables().stream().filter(t -> t.name().equals(table))
                .forEach(t -> t.columns().forEach(c -> refs.add(ObjectRef.member(ObjectKind.COLUMN, view, c.name()))));
        return refs;
    }

    /**
     * True for a drift step this rename explains: the table dropped under its old name, or created under
     * its new one, when the other step of the pair is in the plan with the same columns (a column added
     * or changed beside the rename is still drift, since the pair then differs).
     */
    boolean explainsRename(PlanStep step, List<PlanStep> all) {
        Optional<Table> dropped = all.stream().map(PlanStep::change).filter(c -> c instanceof DropTable d
                && d.table().name().equals(view)).map(c -> ((DropTable) c).table()).findFirst();
        Optional<Table> created = all.stream().map(PlanStep::change).filter(c -> c instanceof CreateTable t
                && t.table().name().equals(table)).map(c -> ((CreateTable) c).table()).findFirst();
        boolean pair = dropped.isPresent() && created.isPresent()
                && dropped.get().columns().equals(created.get().columns());
        return pair && (step.change() instanceof CreateTable t && t.table() == created.get()
                || step.change() instanceof DropTable d && d.table() == dropped.get());
    }

    /** True when the view is one an expand left under a renamed table's old name. */
    public static boolean isOwned(View view) {
        return markerOf(view).isPresent();
    }

    /** The open table renames of a target: its marked views whose table is there under the new name. */
    public static List<OldNameView> of(SchemaModel model) {
        List<OldNameView> found = new ArrayList<>();
        for (View v : model.views()) {
            Optional<Matcher> m = markerOf(v);
            if (m.isEmpty() || !m.get().group(1).equals(v.name().name())) {
                continue;
            }
            QualifiedName table = QualifiedName.of(v.name().schema(), m.get().group(2));
            if (model.tables().stream().anyMatch(t -> t.name().equals(table))) {
                found.add(new OldNameView(v.name(), table));
            }
        }
        return found;
    }

    private static Optional<Matcher> markerOf(View view) {
        for (String text : new String[] {view.comment(), view.definition()}) {
            if (text != null) {
                Matcher m = MARK.matcher(text);
                if (m.find()) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }
}
