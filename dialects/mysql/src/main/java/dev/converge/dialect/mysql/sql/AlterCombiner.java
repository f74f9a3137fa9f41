package dev.converge.dialect.mysql.sql;

import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.AddConstraint;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.AlterTableOptions;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.change.DropConstraint;
import dev.converge.engine.change.DropIndex;
import dev.converge.engine.change.ReplaceIndex;
import dev.converge.engine.change.SetComment;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.SafetyClass;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * AlterCombiner makes consecutive steps of one table one ALTER TABLE statement. That is required
 * where MySQL refuses the state between two statements (an AUTO_INCREMENT column must be a key: it is
 * added, or its primary key changed, in the statement that makes the key), and it costs less: one
 * statement copies or rebuilds the table once. The statement pins the costliest algorithm and the
 * strongest lock among its clauses, as the classification of its steps says. Each step keeps its own description and classification; the first holds the statement
 * and the inverse of the whole run (the inverses of its clauses in reverse order, as one statement
 * again, so that an undo never passes through the refused state either), the others hold none.
 *
 * <p>Not combined: foreign keys (a key dropped and added again under its name in one statement is a
 * duplicate for InnoDB), renames and partitioning (statements of their own), a VIRTUAL column added
 * or dropped, or any column added or dropped on a table with a VIRTUAL column (in place only alone), a clause that names a
 * column a clause before it drops (MySQL resolves names against the table as it was), and a constraint
 * dropped and added under one name.
 */
final class AlterCombiner {
    private final MysqlSqlGenerator generator;
    private final AlterModes modes;

    AlterCombiner(MysqlSqlGenerator generator, AlterModes modes) {
        this.generator = generator;
        this.modes = modes;
    }

    List<PlanStep> combine(List<PlanStep> steps, SchemaModel current) {
        List<PlanStep> left = new ArrayList<>(steps);
        List<PlanStep> result = new ArrayList<>(steps.size());
        while (!left.isEmpty()) {
            List<PlanStep> run = takeRun(left, current);
            if (run.size() > 1) {
                result.addAll(combined(run, current));
            } else {
                result.add(run.get(0));
            }
        }
        return renumbered(result);
    }

    /**
     * Takes the first step and the later steps of its table that can join it. A later step may be
     * taken past steps of other tables that are clauses too (they cannot depend on it: steps of two
     * tables depend on each other only through foreign keys and views, which end the search), but only
     * when it can be undone: a step that loses data keeps its place late in the plan.
     */
    private List<PlanStep> takeRun(List<PlanStep> left, SchemaModel current) {
        List<PlanStep> run = new ArrayList<>();
        run.add(left.remove(0));
        Change first = run.get(0).change();
        QualifiedName table = combinable(first, current) ? AlterModes.tableOf(first) : null;
        if (table == null) {
            return run;
        }
        Set<String> dropped = new HashSet<>();
        Set<String> constraints = new HashSet<>();
        note(first, dropped, constraints);
        boolean skipped = false;
        for (int i = 0; i < left.size(); ) {
            PlanStep step = left.get(i);
            Change next = step.change();
            if (!combinable(next)) {
                break;
            }
            if (!combinable(next, current)) {
                if (table.equals(AlterModes.tableOf(next))) {
                    break;
                }
                skipped = true;
                i++;
                continue;
            }
            if (!table.equals(AlterModes.tableOf(next))) {
                skipped = true;
                i++;
                continue;
            }
            if (conflicts(next, dropped, constraints) || (skipped && step.inverse().isEmpty())) {
                break;
            }
            note(next, dropped, constraints);
            run.add(left.remove(i));
        }
        return run;
    }

    private static List<PlanStep> renumbered(List<PlanStep> steps) {
        List<PlanStep> result = new ArrayList<>(steps.size());
        for (PlanStep step : steps) {
            result.add(result.size() + 1 == step.number() ? step
                    : with(step, result.size() + 1, step.statements(), step.inverse()));
        }
        return result;
    }

    private boolean combinable(Change change, SchemaModel current) {
        if ((change instanceof AddColumn || change instanceof DropColumn) && current.tables().stream()
                .anyMatch(t -> t.name().equals(AlterModes.tableOf(change)) && AlterModes.hasVirtualColumn(t))) {
            return false;
        }
        return combinable(change);
    }

    private boolean combinable(Change change) {
        boolean kind = change instanceof AddColumn || change instanceof DropColumn || change instanceof AlterColumn
                || change instanceof AddConstraint || change instanceof DropConstraint || change instanceof CreateIndex
                || change instanceof DropIndex || change instanceof ReplaceIndex || change instanceof SetComment
                || change instanceof AlterTableOptions;
        boolean partitions = change instanceof AlterTableOptions options
                && !PartitionChange.of(options.from(), options.to()).isEmpty();
        return kind && !partitions && !virtualColumn(change) && generator.clause(change).isPresent();
    }

    /** InnoDB adds and drops a VIRTUAL column in place only in a statement of its own. */
    private static boolean virtualColumn(Change change) {
        var column = change instanceof AddColumn add ? add.column() : change instanceof DropColumn drop ? drop.column() : null;
        return column != null && column.generatedExpression() != null && column.generatedExpression().endsWith(" VIRTUAL");
    }

    private static void note(Change change, Set<String> droppedColumns, Set<String> droppedConstraints) {
        if (change instanceof DropColumn drop) {
            droppedColumns.add(drop.column().name());
        } else if (change instanceof DropConstraint drop && drop.constraint().kind() != ConstraintKind.PRIMARY_KEY) {
            droppedConstraints.add(drop.constraint().name());
        }
    }

    private static boolean conflicts(Change change, Set<String> droppedColumns, Set<String> droppedConstraints) {
        if (change instanceof AddColumn add) {
            return droppedColumns.contains(add.column().name()) || droppedColumns.contains(add.after());
        }
        if (change instanceof AlterColumn alter) {
            return droppedColumns.contains(alter.to().name()) || droppedColumns.contains(alter.after());
        }
        if (change instanceof AddConstraint add) {
            return droppedConstraints.contains(add.constraint().name());
        }
        return false;
    }

    private List<PlanStep> combined(List<PlanStep> run, SchemaModel current) {
        QualifiedName table = AlterModes.tableOf(run.get(0).change());
        List<String> clauses = run.stream().map(s -> generator.clause(s.change()).orElseThrow()).toList();
        String sql = MysqlSqlGenerator.alterTable(table, String.join(", ", clauses));
        Optional<AlterMode> mode = mode(run, current);
        if (mode.isPresent()) {
            sql += ", " + mode.get().clause();
        }
        List<PlanStep> result = new ArrayList<>(run.size());
        List<PlanStep> told = run.stream().map(step -> toldAsRun(step, mode, current)).toList();
        PlanStep first = told.get(0);
        result.add(with(first, first.number(), List.of(DdlStatement.outsideTransaction(sql)), inverse(run, table)));
        told.subList(1, told.size()).forEach(step -> result.add(with(step, step.number(), List.of(), List.of())));
        return result;
    }

    /** The costliest mode of the clauses; empty when the table is new (nothing to pin). */
    /**
     * The step with the hazards of the mode the combined statement runs, not of its own: a step must not
     * say ALGORITHM=INPLACE, LOCK=NONE above a statement that runs ALGORITHM=COPY, LOCK=SHARED.
     */
    private PlanStep toldAsRun(PlanStep step, Optional<AlterMode> combined, SchemaModel current) {
        Optional<AlterMode> own = modes.of(step.change(), current);
        if (combined.isEmpty() || own.isEmpty() || own.get().equals(combined.get())) {
            return step;
        }
        List<Hazard> hazards = new ArrayList<>();
        for (Hazard hazard : step.hazards()) {
            if (!own.get().hazards().contains(hazard)) {
                hazards.add(new Hazard(hazard.code(), hazard.message().replace(own.get().clause(), combined.get().clause())));
            }
        }
        combined.get().hazards().stream().filter(h -> !hazards.contains(h)).forEach(hazards::add);
        Set<SafetyClass> classes = EnumSet.noneOf(SafetyClass.class);
        classes.addAll(step.classes());
        hazards.stream().map(h -> h.code().safetyClass()).filter(java.util.Objects::nonNull).forEach(classes::add);
        return new PlanStep(step.number(), step.id(), step.action(), step.replaces(), step.target(), step.description(),
                step.statements(), classes, hazards, step.change(), step.inverse(), step.source(), step.safety());
    }

    private Optional<AlterMode> mode(List<PlanStep> run, SchemaModel current) {
        Optional<AlterMode> result = Optional.empty();
        for (PlanStep step : run) {
            Optional<AlterMode> clause = modes.of(step.change(), current);
            if (clause.isEmpty()) {
                return Optional.empty();
            }
            result = Optional.of(result.map(r -> r.with(clause.get())).orElse(clause.get()));
        }
        return result;
    }

    /**
     * The undo of the whole run: its steps' inverses in reverse order, as one ALTER TABLE when each is
     * one ALTER TABLE of the table; empty (irreversible) when one of the steps is.
     */
    private static List<DdlStatement> inverse(List<PlanStep> run, QualifiedName table) {
        if (run.stream().anyMatch(s -> s.inverse().isEmpty())) {
            return List.of();
        }
        List<DdlStatement> statements = new ArrayList<>();
        for (int i = run.size() - 1; i >= 0; i--) {
            statements.addAll(run.get(i).inverse());
        }
        String prefix = MysqlSqlGenerator.alterTable(table, "");
        if (statements.stream().allMatch(s -> s.sql().startsWith(prefix))) {
            String clauses = String.join(", ", statements.stream().map(s -> s.sql().substring(prefix.length())).toList());
            return List.of(DdlStatement.outsideTransaction(prefix + clauses));
        }
        return statements;
    }

    private static PlanStep with(PlanStep step, int number, List<DdlStatement> statements, List<DdlStatement> inverse) {
        return new PlanStep(number, step.id(), step.action(), step.replaces(), step.target(), step.description(),
                statements, step.classes(), step.hazards(), step.change(), inverse, step.source(), step.safety());
    }
}
