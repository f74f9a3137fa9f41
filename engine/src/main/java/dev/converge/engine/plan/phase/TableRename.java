package dev.converge.engine.plan.phase;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.change.CreateView;
import dev.converge.engine.change.Rename;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.View;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.Classification;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.StepSafety;
import dev.converge.engine.spi.ExpandContractSql;
import dev.converge.engine.spi.SafetyClassifier;
import java.util.List;
import java.util.Optional;

/**
 * TableRename is a table rename that a parallel change can split: expand renames the table and leaves
 * an updatable view under the old name ({@link OldNameView}), contract drops the view (the ordinary
 * diff does, since the desired files have no such view).
 *
 * @param from    the table as it is named now
 * @param to      its new name
 * @param columns its columns, in order: what the view under the old name shows
 */
record TableRename(QualifiedName from, String to, List<String> columns) {
    TableRename {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        columns = List.copyOf(columns);
    }

    /*
     * Split only where the view is the whole table to the old release: no other view reads the table
     * (on MySQL it would read the old name, which contract drops) and both names fit a marker.
     */
    static Optional<TableRename> of(PlanStep step, SchemaModel current) {
        if (!(step.change() instanceof Rename rename) || rename.from().kind() != ObjectKind.TABLE) {
            return Optional.empty();
        }
        QualifiedName name = rename.from().name();
        Optional<Table> table = current.tables().stream().filter(t -> t.name().equals(name)).findFirst();
        boolean read = current.views().stream().anyMatch(v -> v.dependsOn().stream().anyMatch(r -> r.name().equals(name)));
        if (table.isEmpty() || read || !OldNameView.nameable(name.name()) || !OldNameView.nameable(rename.to())) {
            return Optional.empty();
        }
        return Optional.of(new TableRename(name, rename.to(), table.get().columns().stream().map(Column::name).toList()));
    }

    /**
     * The expand half, in one step: the rename and the view under the old name, at once. It keeps the
     * rename's locks but not its backward incompatibility: the old name keeps working.
     */
    static PlanStep expandHalf(TableRename rename, PlanStep step, ExpandContractSql sql, SafetyClassifier classifier,
                               SchemaModel current) {
        QualifiedName renamed = QualifiedName.of(rename.from().schema(), rename.to());
        String marker = OldNameView.marker(rename.from().name(), rename.to());
        View view = new View(rename.from(), "SELECT " + String.join(", ", rename.columns()) + " FROM " + renamed,
                List.of(), List.of(ObjectRef.of(ObjectKind.TABLE, renamed)), marker);
        CreateView change = new CreateView(view);
        Classification c = classifier.classify(step.change(), current);
        return new PlanStep(0, "expand-table-view:" + view.ref().display(), change.action(), false, view.ref(),
                "rename table " + rename.from().schema() + "." + rename.from().name() + " to " + rename.to()
                        + " and create view " + rename.from().name() + " under the old name (expand: the running release"
                        + " reads and writes through it until contract drops it)",
                sql.renameTableBehindView(rename.from(), rename.to(), rename.columns(), marker),
                Classification.of(false, c.hazards().stream().filter(h -> h.code() != HazardCode.BACKWARD_INCOMPATIBLE)
                        .toList(), c.locks()).classes(),
                c.hazards().stream().filter(h -> h.code() != HazardCode.BACKWARD_INCOMPATIBLE).toList(), change,
                sql.undoRenameTableBehindView(rename.from(), rename.to()), step.source(), StepSafety.of(c.locks()));
    }
}
