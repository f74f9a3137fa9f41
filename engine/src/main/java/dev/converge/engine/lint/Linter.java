package dev.converge.engine.lint;

import dev.converge.engine.change.AddConstraint;
import dev.converge.engine.change.AddForeignKey;
import dev.converge.engine.change.Change;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.diag.SourceSpan;
import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.DataCheck;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.TableImpact;
import dev.converge.engine.source.SourceModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Linter checks the desired state and the plan against rules: schema habits that hurt later (a table
 * without a primary key, a foreign key no index covers, a nullable column in a unique key, serial
 * instead of identity, timestamp without time zone) and the plan's risks (a validation of a large
 * table that is not NOT VALID, a step the data will make fail, and every hazard). Each rule has a
 * stable id and a default severity that {@link LintConfig} can change or turn off.
 */
public final class Linter {
    public static final LintRule NO_PRIMARY_KEY = new LintRule("no-primary-key", "Table without primary key",
            "A table without a primary key cannot be replicated logically, and its rows cannot be addressed"
                    + " reliably.", Severity.WARNING);
    public static final LintRule FK_WITHOUT_INDEX = new LintRule("fk-without-index", "Foreign key without covering index",
            "No index starts with the foreign key's columns: deletes and key updates on the referenced table scan"
                    + " the referencing table, and joins are slow.", Severity.WARNING);
    public static final LintRule NULLABLE_UNIQUE = new LintRule("nullable-unique-column", "Nullable column in unique key",
            "NULLs never collide, so a unique key over a nullable column allows duplicate rows that differ only"
                    + " by NULL.", Severity.NOTE);
    public static final LintRule SERIAL = new LintRule("serial-column", "serial instead of identity",
            "A column numbered by nextval() (serial) instead of GENERATED ... AS IDENTITY: the sequence is a"
                    + " separate object with its own permissions and ownership.", Severity.NOTE);
    public static final LintRule TIMESTAMP_WITHOUT_TZ = new LintRule("timestamp-without-time-zone",
            "timestamp without time zone", "A point in time stored without its time zone is read differently by"
            + " clients in different zones; use timestamp with time zone.", Severity.WARNING);
    public static final LintRule VALIDATE_LARGE_TABLE = new LintRule("validate-large-table",
            "Constraint validated under lock on a large table", "A foreign key or check added to a large table"
            + " without NOT VALID scans the whole table while it blocks writes (or everything).", Severity.ERROR);
    public static final LintRule DATA_CHECK_FAILS = new LintRule("data-check-fails", "Step fails on current data",
            "A data pre-check found rows that make the step fail; apply refuses the plan.", Severity.ERROR);

    private static final Pattern KEY_DECORATION = Pattern.compile(
            "\\s+(ASC|DESC|NULLS FIRST|NULLS LAST|COLLATE \\S+|[a-z_]+_ops)\\b.*$", Pattern.CASE_INSENSITIVE);

    private final LintConfig config;
    /** Where objects are declared; findings name the file and line when it knows them. */
    private SourceModel source = SourceModel.unparsed(List.of());

    public Linter(LintConfig config) {
        this.config = config;
    }

    /** Every rule, desired-state rules first, then plan rules, then one per hazard code. */
    public static List<LintRule> rules() {
        List<LintRule> rules = new ArrayList<>(List.of(NO_PRIMARY_KEY, FK_WITHOUT_INDEX, NULLABLE_UNIQUE, SERIAL,
                TIMESTAMP_WITHOUT_TZ, VALIDATE_LARGE_TABLE, DATA_CHECK_FAILS));
        for (HazardCode code : HazardCode.values()) {
            rules.add(hazardRule(code));
        }
        return rules;
    }

    /** The rule that reports a hazard: {@code hazard-data-loss}. */
    public static LintRule hazardRule(HazardCode code) {
        Severity severity = code == HazardCode.DATA_LOSS ? Severity.ERROR
                : code == HazardCode.TABLE_REWRITE || code == HazardCode.BACKWARD_INCOMPATIBLE ? Severity.WARNING
                : Severity.NOTE;
        return new LintRule("hazard-" + code.name().toLowerCase(Locale.ROOT).replace('_', '-'), "Hazard " + code,
                code.summary(), severity);
    }

    /** As {@link #lint(SchemaModel, Plan)}, with each finding placed at its object's declaration. */
    public List<Finding> lint(SchemaModel desired, Plan plan, SourceModel declarations) {
        this.source = declarations;
        return lint(desired, plan);
    }

    /** The findings, sorted: desired-state findings by object, then plan findings by step. */
    public List<Finding> lint(SchemaModel desired, Plan plan) {
        List<Finding> findings = new ArrayList<>();
        for (Table table : desired.tables()) {
            tableRules(table, desired, findings);
        }
        for (ForeignKey key : desired.foreignKeys()) {
            foreignKeyIndex(key, desired, findings);
        }
        for (PlanStep step : plan.steps()) {
            planRules(step, findings);
        }
        findings.sort(Comparator.comparingInt(Finding::step).thenComparing(Finding::object)
                .thenComparing(Finding::ruleId).thenComparing(Finding::message));
        return List.copyOf(findings);
    }

    private void tableRules(Table table, SchemaModel desired, List<Finding> findings) {
        if (table.constraints().stream().noneMatch(c -> c.kind() == ConstraintKind.PRIMARY_KEY)) {
            add(findings, NO_PRIMARY_KEY, "table " + table.name() + " has no primary key", table.ref(), 0);
        }
        for (Column column : table.columns()) {
            String where = table.name() + "." + column.name();
            if (column.identity() == Identity.NONE && column.defaultExpression() != null
                    && column.defaultExpression().contains("nextval(")) {
                add(findings, SERIAL, "column " + where + " is numbered by " + column.defaultExpression()
                        + "; use GENERATED BY DEFAULT AS IDENTITY", column(table, column.name()), 0);
            }
            if (column.type().startsWith("timestamp") && column.type().contains("without time zone")) {
                add(findings, TIMESTAMP_WITHOUT_TZ, "column " + where + " is " + column.type()
                        + "; use timestamp with time zone", column(table, column.name()), 0);
            }
        }
        for (TableConstraint constraint : table.constraints()) {
            if (constraint.kind() == ConstraintKind.UNIQUE) {
                nullableKeyColumns(table, constraint.columns(), "unique constraint " + constraint.name(), findings);
            }
        }
        for (Index index : desired.indexes()) {
            if (index.unique() && index.table().equals(table.name()) && index.predicate() == null) {
                nullableKeyColumns(table, keyColumns(index), "unique index " + index.name(), findings);
            }
        }
    }

    private void nullableKeyColumns(Table table, List<String> columns, String key, List<Finding> findings) {
        for (String name : columns) {
            Optional<Column> column = table.column(name);
            if (column.isPresent() && !column.get().notNull()) {
                add(findings, NULLABLE_UNIQUE, "column " + table.name() + "." + name + " of " + key
                        + " is nullable: rows that differ only by NULL are not duplicates", column(table, name), 0);
            }
        }
    }

    private void foreignKeyIndex(ForeignKey key, SchemaModel desired, List<Finding> findings) {
        List<List<String>> keys = new ArrayList<>();
        desired.indexes().stream().filter(i -> i.table().equals(key.table()) && i.predicate() == null)
                .forEach(i -> keys.add(keyColumns(i)));
        desired.tables().stream().filter(t -> t.name().equals(key.table())).findFirst()
                .ifPresent(t -> t.constraints().stream().filter(c -> c.kind() == ConstraintKind.PRIMARY_KEY
                        || c.kind() == ConstraintKind.UNIQUE).forEach(c -> keys.add(c.columns())));
        boolean covered = keys.stream().anyMatch(k -> k.size() >= key.columns().size()
                && k.subList(0, key.columns().size()).equals(key.columns()));
        if (!covered) {
            add(findings, FK_WITHOUT_INDEX, "foreign key " + key.name() + " on " + key.table() + " ("
                    + String.join(", ", key.columns()) + ") has no index that starts with its columns", key.ref(), 0);
        }
    }

    /** An index's key columns as plain names (decorations and quotes removed); expressions stay as they are. */
    private static List<String> keyColumns(Index index) {
        return index.keys().stream().map(k -> KEY_DECORATION.matcher(k).replaceFirst(""))
                .map(k -> k.startsWith("\"") && k.endsWith("\"") ? k.substring(1, k.length() - 1).replace("\"\"", "\"") : k)
                .toList();
    }

    private static ObjectRef column(Table table, String name) {
        return ObjectRef.member(ObjectKind.COLUMN, table.name(), name);
    }

    private void planRules(PlanStep step, List<Finding> findings) {
        String object = step.target().display();
        ObjectRef ref = step.target();
        Change change = step.change();
        boolean validates = change instanceof AddForeignKey || change instanceof AddConstraint
                && ((AddConstraint) change).constraint().kind() == ConstraintKind.CHECK;
        boolean notValid = step.statements().stream().map(DdlStatement::sql).anyMatch(s -> s.contains(" NOT VALID"));
        if (validates && !notValid) {
            for (TableImpact impact : step.safety().impacts()) {
                if (impact.rows() > config.largeTableRows()) {
                    add(findings, VALIDATE_LARGE_TABLE, "step " + step.number() + " adds " + object
                            + " and validates it at once on a large table (" + impact.describe() + "); add it NOT"
                            + " VALID, then VALIDATE (the online strategy: drop --no-not-valid)", ref,
                            step.number());
                }
            }
        }
        for (DataCheck check : step.safety().checks()) {
            if (check.failed()) {
                add(findings, DATA_CHECK_FAILS, "step " + step.number() + " " + check.describe(), ref,
                        step.number());
            }
        }
        EnumSet<HazardCode> seen = EnumSet.noneOf(HazardCode.class);
        for (Hazard hazard : step.hazards()) {
            if (seen.add(hazard.code())) {
                add(findings, hazardRule(hazard.code()), "step " + step.number() + " (" + step.description() + "): "
                        + hazard.message(), ref, step.number());
            }
        }
    }

    private void add(List<Finding> findings, LintRule rule, String message, ObjectRef ref, int step) {
        Severity severity = config.severity(rule);
        if (severity == Severity.OFF) {
            return;
        }
        // The object's own declaration, else its table's (a dropped column is declared nowhere).
        SourceSpan at = source.locate(ref).or(() -> source.locate(ref.owner())).orElse(null);
        findings.add(new Finding(rule.id(), severity, message, ref.kind().word(), ref.display(), step,
                at == null ? null : at.file(), at == null ? 0 : at.line()));
    }

    /** Counts per severity, for the summary line. */
    public static Map<Severity, Long> counts(List<Finding> findings) {
        Map<Severity, Long> counts = new HashMap<>();
        findings.forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        return counts;
    }
}
