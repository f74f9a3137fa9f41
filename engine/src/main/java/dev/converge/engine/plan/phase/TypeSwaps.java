package dev.converge.engine.plan.phase;

import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.Trigger;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.Classification;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.StepSafety;
import dev.converge.engine.spi.ExpandContractSql;
import dev.converge.engine.spi.SafetyClassifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * TypeSwaps is the contract half of the open type changes of a target: one swap step per change (the
 * sync and the old column dropped, the new column renamed to the old name with its NOT NULL and
 * default, as one unit the application never sees half done), then the ordinary plan from the target
 * as it will be after the swaps (which builds what else the files declare on the column: its indexes,
 * constraints, comment).
 */
final class TypeSwaps {
    /** Where a swap step's id starts: classification puts every such step in contract. */
    static final String STEP_ID = "contract-swap:";

    private final SafetyClassifier classifier;
    private final ExpandContractSql sql;

    TypeSwaps(SafetyClassifier classifier, ExpandContractSql sql) {
        this.classifier = classifier;
        this.sql = sql;
    }

    static boolean isSwap(PlanStep step) {
        return step.id().startsWith(STEP_ID);
    }

    /**
     * The whole plan with each open type change swapped: the swap steps first, then {@code planner}'s plan
     * from the target as the swaps leave it; {@code whole} itself when no type change is open. The
     * fingerprints stay {@code whole}'s (the target as it is now, which an apply checks).
     */
    Plan whole(Plan whole, SchemaModel current, SchemaModel desired, Function<SchemaModel, Plan> planner) {
        List<Swap> swaps = ColumnSync.of(current).stream().filter(ColumnSync::swaps)
                .map(s -> swap(s, current, desired)).flatMap(Optional::stream).toList();
        if (swaps.isEmpty()) {
            return whole;
        }
        SchemaModel swapped = current;
        List<PlanStep> steps = new ArrayList<>();
        for (Swap swap : swaps) {
            steps.add(step(swap, current));
            swapped = swapped(swapped, swap);
        }
        steps.addAll(planner.apply(swapped).steps());
        return new Plan(whole.formatVersion(), whole.dialect(), whole.target(), whole.currentFingerprint(),
                whole.desiredFingerprint(), steps, whole.notes(), whole.unmanaged());
    }

    /** One open type change with its columns: as they are ({@code old}, {@code added}) and as the files say. */
    private record Swap(ColumnSync sync, Table table, Column old, Column added, Column desired, String after) {
    }

    /* A sync whose files no longer declare the column with the new column's type is no swap: the ordinary plan drops it. */
    private static Optional<Swap> swap(ColumnSync sync, SchemaModel current, SchemaModel desired) {
        Optional<Table> table = current.tables().stream().filter(t -> t.name().equals(sync.table())).findFirst();
        Optional<Table> wanted = desired.tables().stream().filter(t -> t.name().equals(sync.table())).findFirst();
        Optional<Column> old = table.flatMap(t -> t.column(sync.oldColumn()));
        Optional<Column> added = table.flatMap(t -> t.column(sync.newColumn()));
        Optional<Column> declared = wanted.flatMap(t -> t.column(sync.oldColumn()));
        if (old.isEmpty() || added.isEmpty() || declared.isEmpty() || !declared.get().type().equals(added.get().type())) {
            return Optional.empty();
        }
        return Optional.of(new Swap(sync, table.get(), old.get(), added.get(), declared.get(),
                after(wanted.get(), table.get(), declared.get(), old.get())));
    }

    /*
     * Where the swapped column goes (where the server places columns): after the column the files put
     * before it, when the table has that one already; else where the old column was.
     */
    private static String after(Table wanted, Table table, Column declared, Column old) {
        List<Column> columns = wanted.columns();
        int at = columns.indexOf(declared);
        if (at == 0) {
            return null;
        }
        String before = columns.get(at - 1).name();
        if (table.column(before).isPresent()) {
            return before;
        }
        int was = table.columns().indexOf(old);
        return was == 0 ? null : table.columns().get(was - 1).name();
    }

    /*
     * Classified as the drop of the old column it is: its values live on in the new column (contract's
     * allowances say so), and the renaming and the defaults take no longer lock than that drop. Not
     * backward incompatible: the name stays.
     */
    private PlanStep step(Swap swap, SchemaModel current) {
        Column swappedIn = swappedIn(swap);
        Set<ColumnChangeKind> kinds = EnumSet.of(ColumnChangeKind.TYPE);
        if (swap.old().notNull() != swappedIn.notNull()) {
            kinds.add(ColumnChangeKind.NOT_NULL);
        }
        if (!Objects.equals(swap.old().defaultExpression(), swappedIn.defaultExpression())) {
            kinds.add(ColumnChangeKind.DEFAULT);
        }
        AlterColumn change = new AlterColumn(swap.sync().table(), swap.old(), swappedIn, kinds);
        Classification c = classifier.classify(new DropColumn(swap.sync().table(), swap.old()), current);
        String column = swap.sync().table().schema() + "." + swap.sync().table().name() + "." + swap.old().name();
        return new PlanStep(0, STEP_ID + change.target().display(), change.action(), false, change.target(),
                "swap column " + column + ": drop its sync and the old column (" + swap.old().type() + "), "
                        + swap.added().name() + " (" + swap.added().type() + ") takes its name"
                        + (swappedIn.defaultExpression() == null ? "" : ", default") + (swappedIn.notNull() ? ", NOT NULL" : "")
                        + " (contract of the type change)",
                sql.swapColumn(swap.sync().table(), swap.old().name(), swap.added().name(), swap.desired(), swap.after()),
                c.classes(), c.hazards().stream().filter(h -> h.code() != HazardCode.BACKWARD_INCOMPATIBLE).toList(),
                change, List.of(), null, StepSafety.of(c.locks()));
    }

    /** The new column once swapped in: its own type and collation, the old name, the files' NOT NULL and default. */
    private static Column swappedIn(Swap swap) {
        Column added = swap.added();
        return new Column(swap.old().name(), added.type(), swap.desired().notNull(), swap.desired().defaultExpression(),
                Identity.NONE, null, null, added.collation(), null, added.dependsOn());
    }

    /*
     * The target after a swap: the new column in the old one's place under its name; the old column's
     * indexes and constraints gone with it (the ordinary plan builds those the files declare); the sync gone.
     */
    private static SchemaModel swapped(SchemaModel model, Swap swap) {
        String name = swap.old().name();
        List<Column> columns = new ArrayList<>();
        for (Column column : swap.table().columns()) {
            if (column.name().equals(name)) {
                columns.add(swappedIn(swap));
            } else if (!column.name().equals(swap.added().name())) {
                columns.add(column);
            }
        }
        Table table = swap.table().withColumns(columns).withConstraints(swap.table().constraints().stream()
                .filter(c -> !c.columns().contains(name)).toList());
        List<Table> tables = model.tables().stream().map(t -> t.name().equals(table.name()) ? table : t).toList();
        String marker = swap.sync().ownMarker();
        List<Trigger> triggers = model.triggers().stream().filter(t -> !(t.table().equals(table.name())
                && (owns(t.comment(), marker) || owns(t.definition(), marker) || owns(t.writtenAs(), marker)))).toList();
        List<Routine> routines = model.routines().stream().filter(r -> !owns(r.comment(), marker)).toList();
        SchemaModel withoutSync = new SchemaModel(model.schemas(), model.enums(), model.sequences(), model.tables(),
                model.indexes(), model.foreignKeys(), model.views(), routines, triggers, model.policies(),
                model.rowSecurity(), model.domains(), model.compositeTypes(), model.extensions(),
                model.materializedViews(), model.unmanaged(), model.privileges(), model.collations(),
                model.catalogObjects());
        return withoutSync.withCore(model.schemas(), model.enums(), model.sequences(), tables, model.indexes().stream()
                        .filter(i -> !(i.table().equals(table.name()) && i.keys().contains(name))).toList(),
                model.foreignKeys(), model.views());
    }

    private static boolean owns(String text, String marker) {
        return text != null && text.contains(marker);
    }
}
