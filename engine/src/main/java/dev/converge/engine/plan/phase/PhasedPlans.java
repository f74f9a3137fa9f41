package dev.converge.engine.plan.phase;

import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.CreateTrigger;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.change.DropRoutine;
import dev.converge.engine.change.DropTrigger;
import dev.converge.engine.change.Rename;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.diag.Plural;
import dev.converge.engine.model.TriggerState;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import dev.converge.engine.model.Trigger;
import dev.converge.engine.plan.ChangeDescriber;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanGraph;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.Classification;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.StepSafety;
import dev.converge.engine.spi.ExpandContractSql;
import dev.converge.engine.spi.SafetyClassifier;
import dev.converge.engine.spi.SqlGenerator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * PhasedPlans splits a whole plan (as the planner made it) into its expand and contract halves. It
 * classifies steps ({@link StepPhase}), replaces each column rename by the expand half of a parallel
 * change (a new column, and a sync that keeps both columns in step; the backfill runs after the
 * steps), and leaves the contract half to the plan made once expand has run: the target then holds
 * both columns and Converge's sync objects, which the ordinary diff drops.
 */
public final class PhasedPlans {
    private final SqlGenerator generator;
    private final SafetyClassifier classifier;
    private final ExpandContractSql sql;

    /**
     * @param generator  the dialect's generator, with the same online strategies as the whole plan
     * @param classifier the dialect's classifier, with the same strategies
     * @param sql        how the dialect writes syncs, or null when it has none (renames are then contract steps)
     */
    public PhasedPlans(SqlGenerator generator, SafetyClassifier classifier, ExpandContractSql sql) {
        this.generator = generator;
        this.classifier = classifier;
        this.sql = sql;
    }

    /** Where each step of the whole plan goes; a rename that cannot be split goes to contract. */
    public Map<PlanStep, StepPhase> classify(Plan whole, SchemaModel current) {
        Map<PlanStep, StepPhase> phases = new LinkedHashMap<>();
        for (PlanStep step : whole.steps()) {
            StepPhase phase = StepPhase.of(step);
            if (phase == StepPhase.SPLIT && rename(step, current).isEmpty() && tableRename(step, current).isEmpty()) {
                phase = StepPhase.CONTRACT;
            }
            if (TypeSwaps.isSwap(step)) {
                phase = StepPhase.CONTRACT;
            } else if (sql != null && TypeChange.of(step, current).isPresent()) {
                phase = StepPhase.SPLIT;
            }
            phases.put(step, phase);
        }
        // A step that needs a contract step must wait for it (a view reading a renamed table).
        PlanGraph graph = PlanGraph.of(whole);
        Map<Integer, PlanStep> byNumber = new HashMap<>();
        whole.steps().forEach(s -> byNumber.put(s.number(), s));
        for (PlanGraph.Edge edge : graph.edges()) {
            PlanStep from = byNumber.get(edge.from());
            PlanStep to = byNumber.get(edge.to());
            // Expand renames a split table, so what follows its new name (its constraints' names) stays in expand.
            boolean tableSplit = phases.get(from) == StepPhase.SPLIT && tableRename(from, current).isPresent();
            if (phases.get(from) != StepPhase.EXPAND && !tableSplit && phases.get(to) == StepPhase.EXPAND) {
                phases.put(to, StepPhase.CONTRACT);
            }
        }
        return phases;
    }

    /**
     * The expand plan: the steps the running application survives, and the expand half of each
     * splittable rename. Its notes say what contract will still do.
     */
    public Plan expand(Plan whole, SchemaModel current) {
        Map<PlanStep, StepPhase> phases = classify(whole, current);
        List<PlanStep> steps = new ArrayList<>();
        List<String> contract = new ArrayList<>();
        for (PlanStep step : whole.steps()) {
            switch (phases.get(step)) {
                case EXPAND -> steps.add(step);
                case SPLIT -> {
                    Optional<TableRename> table = tableRename(step, current);
                    if (table.isPresent()) {
                        steps.add(TableRename.expandHalf(table.get(), step, sql, classifier, current));
                        contract.add("drop view " + table.get().from().schema() + "." + table.get().from().name()
                                + " (the old name of table " + table.get().to() + ")");
                        continue;
                    }
                    Optional<ColumnRename> renamed = rename(step, current);
                    if (renamed.isPresent()) {
                        ColumnRename rename = renamed.get();
                        steps.addAll(expandHalf(rename, current));
                        contract.add("drop the sync of " + rename.display() + " and column " + rename.table().schema() + "."
                                + rename.table().name() + "." + rename.from().name());
                    } else {
                        TypeChange change = TypeChange.of(step, current).orElseThrow();
                        steps.addAll(expandHalf(change, current));
                        contract.add("swap in the new column of " + change.display());
                    }
                }
                default -> {
                    Optional<PlanStep> first = nullFill(step, current).isPresent() ? defaultFirst(step, current) : Optional.empty();
                    first.ifPresent(steps::add);
                    // Contract plans from the target expand leaves, where the column has its default already.
                    String remains = first.map(f -> ChangeDescriber.describe(notNullAfter((AlterColumn) f.change())))
                            .orElse(step.description());
                    contract.add(step.symbol() + " " + remains);
                }
            }
        }
        List<String> notes = new ArrayList<>(whole.notes());
        if (contract.isEmpty()) {
            notes.add("phase expand: nothing is left for contract");
        } else {
            notes.add("phase expand: " + Plural.count(contract.size(), "step remains", "steps remain")
                    + " for 'converge apply --phase contract': " + String.join("; ", contract));
        }
        return renumbered(whole, steps, notes);
    }

    /**
     * The contract plan: the whole plan, once every splittable rename has had its expand half and
     * every backfill is done; the sync objects are dropped first, so no write meets a sync that names
     * a dropped column. Refused (nothing changes) while expand still has work.
     *
     * @param unfinished the open syncs whose backfill has not finished
     */
    public Plan contract(Plan whole, SchemaModel current, List<? extends BackfillTask> unfinished) {
        List<String> missing = new ArrayList<>();
        classify(whole, current).forEach((step, phase) -> {
            if (phase == StepPhase.SPLIT) {
                missing.add(step.description());
            }
        });
        if (!missing.isEmpty()) {
            throw new ConvergeException(ErrorKind.REFUSED, "refusing to contract: expand has not run for "
                    + String.join("; ", missing) + ". Run 'converge apply --phase expand' first. Nothing was changed.");
        }
        if (!unfinished.isEmpty()) {
            throw new ConvergeException(ErrorKind.REFUSED, "refusing to contract: the backfill of "
                    + unfinished.stream().map(BackfillTask::display).collect(Collectors.joining(", "))
                    + " has not finished. Run 'converge apply --phase expand' again: it resumes the backfill."
                    + " Nothing was changed.");
        }
        List<PlanStep> steps = new ArrayList<>(relaxOldColumns(current));
        whole.steps().stream().filter(PhasedPlans::dropsOwned).forEach(steps::add);
        whole.steps().stream().filter(s -> !dropsOwned(s)).forEach(steps::add);
        return renumbered(whole, steps, whole.notes());
    }

    /**
     * The contract plan of a target whose backfills are read from its own checkpoints on
     * {@code connection}: refused as {@link #contract(Plan, SchemaModel, List)} is.
     */
    public Plan contract(Plan whole, SchemaModel current, java.sql.Connection connection) throws java.sql.SQLException {
        List<BackfillTask> tasks = new ArrayList<>(ColumnSync.of(current));
        tasks.addAll(nullFills(whole, current));
        List<BackfillTask> unfinished = new Backfill(sql, Backfill.Settings.DEFAULT, Backfill.Listener.NONE, () -> false)
                .unfinished(connection, tasks);
        return contract(whole, current, unfinished);
    }

    /**
     * What a backfill serves after an expand plan: the syncs it creates, those already open, then the
     * NULL fills of the columns contract makes NOT NULL.
     */
    public static List<BackfillTask> backfills(Plan expand, Plan whole, SchemaModel current) {
        List<BackfillTask> all = new ArrayList<>(ColumnSync.planned(expand, current));
        ColumnSync.of(current).stream().filter(s -> !all.contains(s)).forEach(all::add);
        all.addAll(nullFills(whole, current));
        return all;
    }

    /*
     * Each old column that is NOT NULL lets NULL in first: once the sync is gone, a release writing only
     * the new name leaves the old column empty, and the drop of the old column may be in a later
     * transaction than the drop of the sync (a dialect without transactional DDL, or an online step
     * between them).
     */
    private List<PlanStep> relaxOldColumns(SchemaModel current) {
        List<PlanStep> steps = new ArrayList<>();
        for (ColumnSync sync : ColumnSync.of(current)) {
            if (sync.swaps()) {
                continue; // dropped with its sync in one swap
            }
            Optional<Column> old = current.tables().stream().filter(t -> t.name().equals(sync.table())).findFirst()
                    .flatMap(t -> t.column(sync.oldColumn())).filter(Column::notNull);
            if (old.isEmpty()) {
                continue;
            }
            Column relaxed = new Column(old.get().name(), old.get().type(), false, old.get().defaultExpression(),
                    old.get().identity(), old.get().identityOptions(), old.get().generatedExpression(),
                    old.get().collation(), old.get().comment(), old.get().dependsOn());
            AlterColumn alter = new AlterColumn(sync.table(), old.get(), relaxed, EnumSet.of(ColumnChangeKind.NOT_NULL));
            Classification c = classifier.classify(alter, current);
            steps.add(new PlanStep(0, "contract-relax:" + alter.target().display(), alter.action(), false, alter.target(),
                    "alter column " + alter.target().display() + ": drop NOT NULL (contract: the sync of "
                            + sync.display() + " goes first)", generator.statements(alter, current), c.classes(),
                    c.hazards(), alter, generator.statements(new AlterColumn(sync.table(), relaxed, old.get(),
                    EnumSet.of(ColumnChangeKind.NOT_NULL)), current), null, StepSafety.of(c.locks())));
        }
        return steps;
    }

    /**
     * What contract may drop without a --allow-destructive: the old column of an open sync, whose every
     * value the new column holds once the backfill is done.
     */
    public static Map<String, Set<HazardCode>> contractAllowances(List<ColumnSync> open) {
        Map<String, Set<HazardCode>> allowed = new HashMap<>();
        for (ColumnSync sync : open) {
            allowed.put(ObjectRef.member(dev.converge.engine.model.ObjectKind.COLUMN, sync.table(), sync.oldColumn())
                    .display(), EnumSet.of(HazardCode.DATA_LOSS, HazardCode.BACKWARD_INCOMPATIBLE));
        }
        return allowed;
    }

    /** The files' allowances per object, with what contract may take without a flag ({@link #contractAllowances}). */
    public static Map<String, Set<HazardCode>> withContractAllowances(Map<String, Set<HazardCode>> annotated,
                                                                      List<ColumnSync> open) {
        Map<String, Set<HazardCode>> all = new HashMap<>(annotated);
        contractAllowances(open).forEach((name, codes) -> all.merge(name, codes, (a, b) -> {
            Set<HazardCode> both = EnumSet.copyOf(a);
            both.addAll(b);
            return both;
        }));
        return all;
    }

    /**
     * The whole plan with a note saying how phases would split it, when it holds steps the running
     * application does not survive; the same plan otherwise.
     */
    public Plan withPhaseNote(Plan whole, SchemaModel current) {
        Map<PlanStep, StepPhase> phases = classify(whole, current);
        Set<Integer> incompatible = new TreeSet<>();
        long split = phases.entrySet().stream().filter(e -> e.getValue() == StepPhase.SPLIT
                && rename(e.getKey(), current).isPresent()).count();
        long tables = phases.entrySet().stream().filter(e -> e.getValue() == StepPhase.SPLIT
                && tableRename(e.getKey(), current).isPresent()).count();
        long retyped = phases.values().stream().filter(p -> p == StepPhase.SPLIT).count() - split - tables;
        List<String> parallel = new ArrayList<>();
        if (split > 0) {
            parallel.add(Plural.count(split, "rename"));
        }
        if (retyped > 0) {
            parallel.add(Plural.count(retyped, "type change"));
        }
        phases.forEach((step, phase) -> {
            if (phase != StepPhase.EXPAND) {
                incompatible.add(step.number());
            }
        });
        if (incompatible.isEmpty()) {
            return whole;
        }
        List<String> notes = new ArrayList<>(whole.notes());
        boolean one = incompatible.size() == 1;
        notes.add((one ? "step " : "steps ") + incompatible.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (one ? " breaks" : " break") + " an application still running against the current schema: '--phase expand'"
                + " applies the other steps" + (parallel.isEmpty() ? "" : " and a parallel change for "
                + String.join(" and ", parallel) + " (new column, sync, backfill)") + (tables == 0 ? ""
                : " and a view under the old name of " + Plural.count(tables, "renamed table"))
                + " now, '--phase contract' the rest once the old release is gone");
        return new Plan(whole.formatVersion(), whole.dialect(), whole.target(), whole.currentFingerprint(),
                whole.desiredFingerprint(), whole.steps(), notes, whole.unmanaged());
    }

    /** The type changes of a whole plan that a parallel change splits (expand checks their values first). */
    List<TypeChange> typeChanges(Plan whole, SchemaModel current) {
        List<TypeChange> changes = new ArrayList<>();
        classify(whole, current).forEach((step, phase) -> {
            if (phase == StepPhase.SPLIT) {
                TypeChange.of(step, current).ifPresent(changes::add);
            }
        });
        return changes;
    }

    /**
     * The NULL fills expand runs for the steps of a whole plan that make a column NOT NULL with a
     * default: the NULL rows take the default before contract validates the column.
     */
    public static List<NullFill> nullFills(Plan whole, SchemaModel current) {
        return whole.steps().stream().map(s -> nullFill(s, current)).flatMap(Optional::stream).toList();
    }

    /*
     * A column that becomes NOT NULL and has (or gets) a default, alone or with a new default, on a table
     * walkable by its key; a type change with it is not split.
     */
    static Optional<NullFill> nullFill(PlanStep step, SchemaModel current) {
        if (!(step.change() instanceof AlterColumn alter) || !alter.kinds().contains(ColumnChangeKind.NOT_NULL)
                || !alter.to().notNull() || alter.from().notNull() || alter.to().defaultExpression() == null
                || !EnumSet.of(ColumnChangeKind.NOT_NULL, ColumnChangeKind.DEFAULT).containsAll(alter.kinds())) {
            return Optional.empty();
        }
        Optional<Table> table = current.tables().stream().filter(t -> t.name().equals(alter.table())).findFirst();
        Optional<Column> key = table.flatMap(t -> singleKey(t).flatMap(t::column));
        return key.map(k -> new NullFill(alter.table(), alter.from().name(), k.name(), k.type()));
    }

    /** The expand half of a new NOT NULL with a new default: the default alone, which every release survives. */
    private Optional<PlanStep> defaultFirst(PlanStep step, SchemaModel current) {
        AlterColumn alter = (AlterColumn) step.change();
        if (!alter.kinds().contains(ColumnChangeKind.DEFAULT)) {
            return Optional.empty();
        }
        Column from = alter.from();
        Column withDefault = new Column(from.name(), from.type(), false, alter.to().defaultExpression(), from.identity(),
                from.identityOptions(), from.generatedExpression(), from.collation(), from.comment(), from.dependsOn());
        AlterColumn change = new AlterColumn(alter.table(), from, withDefault, EnumSet.of(ColumnChangeKind.DEFAULT));
        Classification c = classifier.classify(change, current);
        return Optional.of(new PlanStep(0, "expand-default:" + change.target().display(), change.action(), false,
                change.target(), "alter column " + change.target().display() + ": set default "
                + alter.to().defaultExpression() + " (expand: NULL rows take it before contract sets NOT NULL)",
                generator.statements(change, current), c.classes(), c.hazards(), change,
                generator.statements(new AlterColumn(alter.table(), withDefault, from, EnumSet.of(ColumnChangeKind.DEFAULT)),
                        current), step.source(), StepSafety.of(c.locks())));
    }

    /** What contract does after {@code defaultFirst}: the column, with its default already, becomes NOT NULL. */
    private static AlterColumn notNullAfter(AlterColumn defaultFirst) {
        Column to = defaultFirst.to();
        Column notNull = new Column(to.name(), to.type(), true, to.defaultExpression(), to.identity(), to.identityOptions(),
                to.generatedExpression(), to.collation(), to.comment(), to.dependsOn(), to.settings());
        return new AlterColumn(defaultFirst.table(), to, notNull, EnumSet.of(ColumnChangeKind.NOT_NULL));
    }

    /** A rename of a column that a parallel change can split, with the column as it is now. */
    record ColumnRename(QualifiedName table, Column from, String to, String key) {
        String display() {
            return table.schema() + "." + table.name() + "." + from.name() + " -> " + to;
        }
    }

    private Optional<ColumnRename> rename(PlanStep step, SchemaModel current) {
        if (sql == null || !(step.change() instanceof Rename rename)) {
            return Optional.empty();
        }
        QualifiedName tableName = rename.from().name();
        Optional<Table> table = current.tables().stream().filter(t -> t.name().equals(tableName)).findFirst();
        Optional<Column> column = table.flatMap(t -> t.column(rename.fromName()));
        Optional<String> key = table.flatMap(PhasedPlans::singleKey);
        if (column.isEmpty() || key.isEmpty() || key.get().equals(rename.fromName())
                || column.get().identity() != Identity.NONE || column.get().generatedExpression() != null
                || !ColumnSync.nameable(rename.fromName()) || !ColumnSync.nameable(rename.to())) {
            return Optional.empty();
        }
        return Optional.of(new ColumnRename(tableName, column.get(), rename.to(), key.get()));
    }

    private Optional<TableRename> tableRename(PlanStep step, SchemaModel current) {
        return sql == null ? Optional.empty() : TableRename.of(step, current);
    }

    /** The one column of a table's primary key, the range a backfill walks; empty for none or several. */
    static Optional<String> singleKey(Table table) {
        return table.constraints().stream().filter(c -> c.kind() == ConstraintKind.PRIMARY_KEY)
                .map(TableConstraint::columns).filter(cols -> cols.size() == 1).map(cols -> cols.get(0)).findFirst();
    }

    /*
     * The new column takes the old one's type and collation but neither NOT NULL nor its default: the
     * sync fills it on every write, the backfill fills the rows before, and contract then gives it
     * what the desired files say (the ordinary diff of the new column).
     */
    private List<PlanStep> expandHalf(ColumnRename rename, SchemaModel current) {
        Column old = rename.from();
        Column added = new Column(rename.to(), old.type(), false, null, Identity.NONE, null, null, old.collation(), null,
                old.dependsOn());
        return parallelColumn(rename.table(), old, added, ColumnSync.marker(old.name(), rename.to()), rename.key(),
                "new name of " + old.name(), "rename " + rename.display(), current);
    }

    /*
     * A type change's new column has the new type and collation, under a name Converge owns; its sync
     * converts each write, and contract swaps it in under the old name.
     */
    private List<PlanStep> expandHalf(TypeChange change, SchemaModel current) {
        Column added = change.added();
        return parallelColumn(change.table(), change.from(), added, ColumnSync.swapMarker(change.from().name(),
                added.name()), change.key(), change.to().type() + " for " + change.from().name() + " until contract",
                "type change " + change.display(), current);
    }

    /* The expand half of a parallel change: the new column beside the old one, and the sync between them. */
    private List<PlanStep> parallelColumn(QualifiedName table, Column old, Column added, String marker, String key,
                                          String addedFor, String change, SchemaModel current) {
        AddColumn add = new AddColumn(table, added);
        Classification addClass = classifier.classify(add, current);
        PlanStep addStep = new PlanStep(0, "expand-add-column:" + add.target().display(), add.action(), false,
                add.target(), "add column " + add.target().display() + " " + added.type() + " (expand: " + addedFor + ")",
                generator.statements(add, current), addClass.classes(), addClass.hazards(), add,
                generator.statements(new DropColumn(table, added)), null, StepSafety.of(addClass.locks()));
        String name = sql.syncName(table, old.name(), added.name());
        List<DdlStatement> create = sql.createColumnSync(table, old.name(), added.name(), marker);
        Trigger trigger = new Trigger(table, name, String.join(";\n", DdlStatement.texts(create)), TriggerState.ENABLED, null,
                marker);
        CreateTrigger sync = new CreateTrigger(trigger);
        Classification syncClass = classifier.classify(sync, current);
        PlanStep syncStep = new PlanStep(0, "expand-sync:" + trigger.ref().display(), sync.action(), false,
                trigger.ref(), "create sync " + name + " on " + table.schema() + "." + table.name()
                + ": writes to " + old.name() + " or " + added.name() + " reach the other (expand of " + change
                + "; backfill by " + key + " follows)", create, syncClass.classes(),
                syncClass.hazards(), sync, sql.dropColumnSync(table, old.name(), added.name()), null,
                StepSafety.of(syncClass.locks()));
        return List.of(addStep, syncStep);
    }

    /**
     * A plan (a drift report's, from the last applied state to the live one) without the steps that the
     * target's open parallel changes explain: their two columns, and Converge's own objects (the sync
     * triggers and functions, found by their marker), whatever the step does to them.
     */
    public static Plan withoutParallelChanges(Plan plan, SchemaModel live) {
        List<ColumnSync> open = ColumnSync.of(live);
        List<OldNameView> views = OldNameView.of(live);
        if (open.isEmpty() && views.isEmpty()) {
            return plan;
        }
        Set<ObjectRef> explained = new java.util.HashSet<>();
        views.forEach(v -> explained.addAll(v.explains(live)));
        for (ColumnSync sync : open) {
            explained.add(ObjectRef.member(dev.converge.engine.model.ObjectKind.COLUMN, sync.table(), sync.oldColumn()));
            explained.add(ObjectRef.member(dev.converge.engine.model.ObjectKind.COLUMN, sync.table(), sync.newColumn()));
        }
        explained.addAll(ownSyncObjects(live));
        List<PlanStep> left = plan.steps().stream().filter(s -> !explained.contains(s.target()))
                .filter(s -> views.stream().noneMatch(v -> v.explainsRename(s, plan.steps()))).toList();
        return left.size() == plan.steps().size() ? plan : renumbered(plan, left, plan.notes());
    }

    /** Converge's own sync objects of {@code live}: the triggers and functions that carry the expand marker. */
    private static Set<ObjectRef> ownSyncObjects(SchemaModel live) {
        Set<ObjectRef> own = new java.util.HashSet<>();
        live.triggers().stream().filter(t -> ColumnSync.isOwned(t.comment()) || ColumnSync.isOwned(t.definition())
                || ColumnSync.isOwned(t.writtenAs())).forEach(t -> own.add(t.ref()));
        live.routines().stream().filter(r -> ColumnSync.isOwned(r.comment())).forEach(r -> own.add(r.ref()));
        return own;
    }

    /**
     * A plan that writes {@code live} as desired files ({@code inspect}) without Converge's own objects of
     * its open parallel changes (the syncs, the view under a renamed table's old name): they are not the
     * team's schema, and files that declared them would keep them after contract. The columns stay: both
     * exist until contract.
     */
    public static Plan withoutOwnObjects(Plan plan, SchemaModel live) {
        Set<ObjectRef> own = ownSyncObjects(live);
        live.views().stream().filter(OldNameView::isOwned).forEach(v -> own.add(v.ref()));
        if (own.isEmpty()) {
            return plan;
        }
        List<PlanStep> left = plan.steps().stream().filter(s -> !own.contains(s.target())).toList();
        return left.size() == plan.steps().size() ? plan : renumbered(plan, left, plan.notes());
    }

    /** True for a step that drops one of Converge's own expand objects (a sync trigger or its function). */
    static boolean dropsOwned(PlanStep step) {
        if (step.change() instanceof DropTrigger drop) {
            return ColumnSync.isOwned(drop.trigger().comment()) || ColumnSync.isOwned(drop.trigger().definition());
        }
        if (step.change() instanceof DropRoutine drop) {
            return ColumnSync.isOwned(drop.routine().comment());
        }
        if (step.change() instanceof dev.converge.engine.change.DropView drop) {
            return OldNameView.isOwned(drop.view());
        }
        return false;
    }

    private static Plan renumbered(Plan whole, List<PlanStep> steps, List<String> notes) {
        List<PlanStep> numbered = new ArrayList<>(steps.size());
        for (PlanStep s : steps) {
            numbered.add(new PlanStep(numbered.size() + 1, s.id(), s.action(), s.replaces(), s.target(), s.description(),
                    s.statements(), s.classes(), s.hazards(), s.change(), s.inverse(), s.source(), s.safety()));
        }
        return new Plan(whole.formatVersion(), whole.dialect(), whole.target(), whole.currentFingerprint(),
                whole.desiredFingerprint(), numbered, notes, whole.unmanaged());
    }
}
