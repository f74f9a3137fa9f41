package dev.converge.engine.plan;

import dev.converge.engine.change.Action;
import dev.converge.engine.change.Change;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.diag.Phases;
import dev.converge.engine.diag.Plural;
import dev.converge.engine.diff.DiffResult;
import dev.converge.engine.diff.Differ;
import dev.converge.engine.diff.ModelIndex;
import dev.converge.engine.graph.StepOrder;
import dev.converge.engine.graph.StepIds;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.safety.Classification;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.safety.StepSafety;
import dev.converge.engine.source.DataStatements;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.SafetyClassifier;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.SqlGenerator;
import dev.converge.engine.spi.SqlLexer;
import dev.converge.engine.text.NameRewriter;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.source.RenameAnnotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Planner makes a plan from two schema models: diff, order through the change graph, then give each
 * step its SQL (from the dialect's generator), its classification (from the dialect's classifier)
 * and its description. It needs no database, so plans can be made and tested offline.
 */
public final class Planner {
    private final String dialect;
    private final SqlGenerator sqlGenerator;
    private final SafetyClassifier classifier;
    private final Renames renaming;
    private final SqlLexer lexer;

    /** True when column names differing only in case are one column (see {@link Dialect#caseInsensitiveColumnNames}). */
    private final boolean caseInsensitiveColumns;

    /** A planner from its parts: the dialect's id, the lexer renames rewrite text with, its generator and classifier. */
    public Planner(String dialect, SqlLexer lexer, SqlGenerator sqlGenerator, SafetyClassifier classifier) {
        this(dialect, lexer, sqlGenerator, classifier, false);
    }

    private Planner(String dialect, SqlLexer lexer, SqlGenerator sqlGenerator, SafetyClassifier classifier,
                    boolean caseInsensitiveColumns) {
        this.dialect = dialect;
        this.renaming = new Renames(new NameRewriter(lexer));
        this.lexer = lexer;
        this.sqlGenerator = sqlGenerator;
        this.classifier = classifier;
        this.caseInsensitiveColumns = caseInsensitiveColumns;
    }

    /** The planner of a dialect: its id, SQL generator and safety classifier. */
    public static Planner of(Dialect dialect) {
        return new Planner(dialect.id(), dialect.lexer(), dialect.sqlGenerator(), dialect.safetyClassifier(),
                dialect.caseInsensitiveColumnNames());
    }

    /**
     * The planner of a dialect for a server version, with the given online strategies: the generator
     * and the classifier are asked with the same strategies, so each step's lock claims match its SQL.
     */
    public static Planner of(Dialect dialect, ServerVersion version, OnlineStrategies strategies) {
        return new Planner(dialect.id(), dialect.lexer(), dialect.sqlGenerator(version, strategies),
                dialect.safetyClassifier(version, strategies), dialect.caseInsensitiveColumnNames());
    }

    public Plan plan(SchemaModel current, SchemaModel desired, String target) {
        return plan(current, desired, target, SourceModel.unparsed(List.of()));
    }

    /**
     * A plan that follows what the files say beyond their SQL: objects they ignore are left out on
     * both sides, renamed objects are renamed (the rest is planned against the renamed current
     * state), and every step names where its desired object is declared. The fingerprints are of
     * the models as given, so that a saved plan is checked against the database as it is.
     */
    public Plan plan(SchemaModel current, SchemaModel desired, String target, SourceModel source) {
        SchemaModel managedDesired = IgnoreFilter.without(desired, source);
        SchemaModel managedCurrent = IgnoreFilter.without(current, source);
        List<RenameAnnotation> renames = new ArrayList<>(source.renames());
        if (caseInsensitiveColumns) {
            renames.addAll(CaseOnlyRenames.of(managedCurrent, managedDesired));
        }
        Renames.Result renamed = renaming.apply(managedCurrent, managedDesired, renames);
        SchemaModel renamedCurrent = renamed.current();
        // Recreating an enum rewrites every table using it: only where the files allow that explicitly.
        DiffResult diff = Phases.time(Phases.DIFF, () -> new Differ(ref -> source.allowances().getOrDefault(ref, Set.of())
                .contains(HazardCode.TABLE_REWRITE), sqlGenerator.placesColumns(), lexer)
                .diff(renamedCurrent, managedDesired));
        // Renames run first, in the order Renames made them (a table before its columns), then the rest (StepOrder).
        List<Change> ordered = Phases.time(Phases.ORDER, () -> new StepOrder(sqlGenerator.orderRules())
                .order(renamed.changes(), diff.changes(), renamedCurrent));
        refuseInexpressible(ordered);
        UnmanagedPrerequisites.check(ordered, renamedCurrent, managedDesired);
        return Phases.time(Phases.CLASSIFY, () -> steps(current, desired, target, source, renamed, ordered, diff,
                managedDesired));
    }

    /* A change the dialect has no statement for stops the plan here, before the target is touched. */
    private void refuseInexpressible(List<Change> changes) {
        List<String> refused = new ArrayList<>();
        for (Change change : changes) {
            sqlGenerator.refusal(change).ifPresent(why -> refused.add(ChangeDescriber.describe(change) + ": " + why));
        }
        if (!refused.isEmpty()) {
            throw new ConvergeException(ErrorKind.BAD_INPUT, "refusing the plan: the " + dialect + " dialect cannot make "
                    + Plural.count(refused.size(), "change") + " the desired state needs:\n  "
                    + String.join("\n  ", refused) + "\nNothing was changed. Leave what needs it out of the"
                    + " desired files, or make the change by hand and ignore the object.");
        }
    }

    /** Each change as a step: its SQL, classification, inverse and description. */
    private Plan steps(SchemaModel current, SchemaModel desired, String target, SourceModel source,
                       Renames.Result renamed, List<Change> ordered, DiffResult diff, SchemaModel managedDesired) {
        SchemaModel renamedCurrent = renamed.current();
        // A table the plan rebuilds is new to the steps after the rebuild (its indexes are built on an empty table).
        SchemaModel against = diff.against() == null ? renamedCurrent : diff.against();
        Set<ObjectRef> replaced = replacedTargets(ordered);
        List<PlanStep> steps = new ArrayList<>(ordered.size());
        ModelIndex before = new ModelIndex(renamedCurrent);
        List<String> notes = new ArrayList<>(diff.notes());
        notes.addAll(renamed.notes());
        DataStatements.note(source).ifPresent(notes::add);
        for (Change change : ordered) {
            Classification classification = classifier.classify(change, against);
            boolean replaces = change.action() != Action.ALTER && replaced.contains(change.target());
            steps.add(new PlanStep(steps.size() + 1, StepIds.of(change), change.action(), replaces, change.target(),
                    ChangeDescriber.describe(change), statements(change, against, source),
                    classification.classes(), classification.hazards(), change, inverse(change, before),
                    sourceOf(change, replaces, source), StepSafety.of(classification.locks())));
        }
        return new Plan(Plan.FORMAT_VERSION, dialect, target, Fingerprints.of(current), Fingerprints.of(desired),
                sqlGenerator.finishSteps(steps, renamedCurrent), notes, unmanaged(renamedCurrent, managedDesired));
    }

    /*
     * A routine is created under the session settings in force where the files declare it (its SQL
     * body is checked under that search_path); a drop needs none.
     */
    private List<DdlStatement> statements(Change change, SchemaModel current, SourceModel source) {
        List<DdlStatement> statements = sqlGenerator.statements(change, current);
        Map<String, String> settings = source.settingsOf(change.target());
        if (settings.isEmpty() || change.action() == Action.DROP || statements.isEmpty()) {
            return statements;
        }
        return sqlGenerator.underSettings(statements, settings);
    }

    /** What either side holds that Converge does not manage and the project does not ignore: the target's first. */
    private static List<Unmanaged> unmanaged(SchemaModel current, SchemaModel desired) {
        List<Unmanaged> found = new ArrayList<>();
        current.unmanaged().forEach(o -> found.add(new Unmanaged(Unmanaged.TARGET, o)));
        desired.unmanaged().forEach(o -> found.add(new Unmanaged(Unmanaged.DESIRED, o)));
        return found;
    }

    /*
     * A drop's object is no longer in the files (the drop half of a replacement is: it names the
     * new declaration). A desired state that came from a database has no sources at all.
     */
    private static String sourceOf(Change change, boolean replaces, SourceModel source) {
        if (!source.isFromFiles()) {
            return null;
        }
        if (change.action() == Action.DROP && !replaces) {
            return PlanStep.NOT_IN_FILES;
        }
        return source.describe(change.target());
    }

    private List<DdlStatement> inverse(Change change, ModelIndex before) {
        return Inverses.of(change, before).map(sqlGenerator::statements).orElse(List.of());
    }

    /** Objects that are both dropped and created in the plan: shown as replacements. */
    private static Set<ObjectRef> replacedTargets(List<Change> changes) {
        Set<ObjectRef> dropped = new HashSet<>();
        Set<ObjectRef> replaced = new HashSet<>();
        changes.stream().filter(c -> c.action() == Action.DROP).forEach(c -> dropped.add(c.target()));
        changes.stream().filter(c -> c.action() == Action.CREATE && dropped.contains(c.target()))
                .forEach(c -> replaced.add(c.target()));
        return replaced;
    }
}
