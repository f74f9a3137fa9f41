package dev.converge.dialect.postgres.live;

import dev.converge.engine.safety.Probe;
import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.dialect.postgres.sql.PostgresType;
import dev.converge.engine.change.RecreateEnum;
import dev.converge.engine.change.AddConstraint;
import dev.converge.engine.change.AddForeignKey;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.CreateEnum;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.ReplaceIndex;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.EnumType;
import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.TableConstraint;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Probes finds the data pre-checks a change needs on an existing table: SET NOT NULL over NULLs, a
 * unique key over duplicates, a CHECK that rows violate, a foreign key with orphans, a narrowing type
 * change that values do not fit, an enum label that is still in use. Checks the change cannot fail
 * (a NOT VALID constraint, a table the plan creates) get no probe.
 */
final class Probes {
    private static final Pattern KEY_DECORATION = Pattern.compile(
            "\\s+(ASC|DESC|NULLS FIRST|NULLS LAST|COLLATE \\S+|[a-z_]+_ops)\\b.*$", Pattern.CASE_INSENSITIVE);
    private static final String EXAMPLE_WIDTH = "60";

    private final PlannedRelations relations;
    private final Map<String, EnumType> createdEnums;

    /**
     * @param relations    the target's tables as each step of the plan sees them
     * @param createdEnums enum types the plan creates, by their display name ({@code public.mood})
     */
    Probes(PlannedRelations relations, Map<String, EnumType> createdEnums) {
        this.relations = relations;
        this.createdEnums = createdEnums;
    }

    /** The enums a plan creates, by display name, from its changes. */
    static Map<String, EnumType> createdEnums(List<Change> changes) {
        return changes.stream().filter(c -> c instanceof CreateEnum).map(c -> ((CreateEnum) c).type())
                .collect(Collectors.toMap(t -> t.name().toString(), t -> t, (a, b) -> a));
    }

    List<Probe> of(Change change) {
        if (change instanceof AlterColumn alter) {
            return relations.at(alter.table(), change).map(r -> alterColumn(r, alter)).orElse(List.of());
        }
        if (change instanceof RecreateEnum recreate) {
            return recreatedEnum(recreate);
        }
        if (change instanceof AddConstraint add) {
            return relations.at(add.table(), change).map(r -> constraint(r, add.table(), add.constraint()))
                    .orElse(List.of());
        }
        if (change instanceof AddForeignKey add) {
            ForeignKey key = add.foreignKey();
            if (key.definition().endsWith(" NOT VALID")) {
                return List.of();
            }
            return relations.at(key.table(), change).map(child -> List.of(orphans(child, key,
                    relations.at(key.referencedTable(), change)))).orElse(List.of());
        }
        if (change instanceof CreateIndex create) {
            return uniqueIndex(create.index(), change);
        }
        if (change instanceof ReplaceIndex replace) {
            return uniqueIndex(replace.to(), change);
        }
        return List.of();
    }

    private List<Probe> uniqueIndex(Index index, Change change) {
        if (!index.unique()) {
            return List.of();
        }
        List<String> keys = index.keys().stream().map(k -> KEY_DECORATION.matcher(k).replaceFirst("")).toList();
        return relations.at(index.table(), change)
                .map(r -> List.of(duplicates(r, index.table(), keys, index.predicate(), "unique index " + index.name())))
                .orElse(List.of());
    }

    /** Every value of each converted column must be a label of the new type (only labels removed can fail). */
    private List<Probe> recreatedEnum(RecreateEnum change) {
        if (change.removedLabels().isEmpty()) {
            return List.of();
        }
        String labels = change.to().labels().stream().map(Probes::literal).collect(Collectors.joining(", "));
        List<Probe> probes = new ArrayList<>();
        for (RecreateEnum.ColumnUse use : change.columns()) {
            PlannedRelations.Relation relation = relations.at(use.table(), change).orElse(null);
            if (relation == null) {
                continue;
            }
            String column = quote(use.column());
            String what = "every value of " + use.ref().display() + " is a label of the new " + change.to().name();
            probes.add(use.array()
                    ? where(relation, what, "EXISTS (SELECT 1 FROM unnest(" + column + ") AS label WHERE label::text"
                            + " NOT IN (" + labels + "))", column + "::text")
                    : where(relation, what, column + "::text NOT IN (" + labels + ")", column + "::text"));
        }
        return probes;
    }

    private List<Probe> alterColumn(PlannedRelations.Relation relation, AlterColumn change) {
        QualifiedName table = change.table();
        List<Probe> probes = new ArrayList<>();
        String column = quote(change.to().name());
        String display = table + "." + change.to().name();
        if (change.kinds().contains(ColumnChangeKind.NOT_NULL) && change.to().notNull()) {
            probes.add(where(relation, display + " has no NULLs", column + " IS NULL", null));
        }
        if (change.kinds().contains(ColumnChangeKind.TYPE)) {
            Probe fit = typeFit(relation, column, display, change.from().type(), change.to().type());
            if (fit != null) {
                probes.add(fit);
            }
        }
        return probes;
    }

    /** Values that the new type cannot hold: too long, out of range, not a label of the new enum. */
    private Probe typeFit(PlannedRelations.Relation table, String column, String display, String fromType, String toType) {
        EnumType labels = createdEnums.get(toType);
        if (labels != null) {
            String list = labels.labels().stream().map(Probes::literal).collect(Collectors.joining(", "));
            return where(table, "every value of " + display + " is a label of " + toType,
                    column + "::text NOT IN (" + list + ")", column + "::text");
        }
        PostgresType from = PostgresType.parse(fromType);
        PostgresType to = PostgresType.parse(toType);
        if (from.array() || to.array()) {
            return null;
        }
        if (to.family() == PostgresType.Family.STRING && to.length() >= 0 && !to.base().equals("text")) {
            return where(table, "every value of " + display + " fits " + toType,
                    "length(" + column + "::text) > " + to.length(), column + "::text");
        }
        if (to.family() == PostgresType.Family.INTEGER && (from.family() == PostgresType.Family.INTEGER
                || from.family() == PostgresType.Family.EXACT_NUMERIC || from.family() == PostgresType.Family.FLOAT)) {
            BigInteger[] range = integerRange(to.base());
            return where(table, "every value of " + display + " fits " + toType,
                    column + " NOT BETWEEN " + range[0] + " AND " + range[1], column + "::text");
        }
        if (to.family() == PostgresType.Family.EXACT_NUMERIC && !to.modifiers().isEmpty()
                && from.family() != PostgresType.Family.STRING && from.family() != PostgresType.Family.OTHER) {
            int integerDigits = to.length() - Math.max(0, to.scale());
            return where(table, "every value of " + display + " fits " + toType,
                    "abs(" + column + "::numeric) >= 1e" + integerDigits, column + "::text");
        }
        return null;
    }

    private static BigInteger[] integerRange(String base) {
        int bits = base.equals("smallint") ? 16 : base.equals("integer") ? 32 : 64;
        BigInteger max = BigInteger.TWO.pow(bits - 1).subtract(BigInteger.ONE);
        return new BigInteger[] {max.negate().subtract(BigInteger.ONE), max};
    }

    private List<Probe> constraint(PlannedRelations.Relation relation, QualifiedName table,
                                   TableConstraint constraint) {
        String definition = constraint.definition();
        if (definition.endsWith(" NOT VALID")) {
            return List.of();
        }
        if (constraint.kind() == ConstraintKind.CHECK && definition.startsWith("CHECK ")) {
            String expression = definition.substring("CHECK ".length());
            // A check passes on NULL: only rows where it is false violate it.
            return List.of(where(relation, "rows of " + table + " satisfy check " + constraint.name() + " " + expression,
                    "(" + expression + ") IS FALSE", null));
        }
        if ((constraint.kind() == ConstraintKind.UNIQUE || constraint.kind() == ConstraintKind.PRIMARY_KEY)
                && !constraint.columns().isEmpty()) {
            List<Probe> probes = new ArrayList<>();
            List<String> columns = constraint.columns().stream().map(c -> quote(c)).toList();
            String word = constraint.kind() == ConstraintKind.PRIMARY_KEY ? "primary key " : "unique constraint ";
            if (constraint.kind() == ConstraintKind.PRIMARY_KEY) {
                String anyNull = columns.stream().map(c -> c + " IS NULL").collect(Collectors.joining(" OR "));
                probes.add(where(relation, "key columns of primary key " + constraint.name() + " have no NULLs", anyNull,
                        null));
            }
            probes.add(duplicates(relation, table, columns, null, word + constraint.name()));
            return probes;
        }
        return List.of();
    }

    /** Groups of rows with equal, non-NULL keys (NULLs never collide in a unique index). */
    private static Probe duplicates(PlannedRelations.Relation relation, QualifiedName table, List<String> keys,
                                    String predicate, String what) {
        String keyList = String.join(", ", keys);
        String where = keys.stream().map(k -> "(" + k + ") IS NOT NULL").collect(Collectors.joining(" AND "))
                + (predicate == null ? "" : " AND (" + predicate + ")");
        String groups = "SELECT " + keyList + " FROM " + relation.probed("probe_row") + " WHERE " + where + " GROUP BY " + keyList
                + " HAVING count(*) > 1";
        return new Probe(relation.live(), "keys of " + what + " (" + keyList + ") are unique in " + table,
                "SELECT count(*) FROM (" + groups + ") AS duplicates",
                "SELECT left(duplicates::text, " + EXAMPLE_WIDTH + ") FROM (" + groups + " LIMIT 1) AS duplicates",
                groups.replace("SELECT " + keyList + " FROM", "SELECT " + keyList + ", count(*) FROM"));
    }

    /** Rows of the key's table whose non-NULL key has no referenced row (none when the plan creates it). */
    private static Probe orphans(PlannedRelations.Relation relation, ForeignKey key,
                                 Optional<PlannedRelations.Relation> parent) {
        QualifiedName child = key.table();
        List<String> from = key.columns().stream().map(c -> "child." + quote(c)).toList();
        String notNull = from.stream().map(c -> c + " IS NOT NULL").collect(Collectors.joining(" AND "));
        String condition;
        if (parent.isPresent()) {
            List<String> match = new ArrayList<>();
            for (int i = 0; i < key.columns().size(); i++) {
                match.add("parent." + quote(key.referencedColumns().get(i)) + " = " + from.get(i));
            }
            condition = notNull + " AND NOT EXISTS (SELECT 1 FROM " + parent.get().whole("parent") + " WHERE "
                    + String.join(" AND ", match) + ")";
        } else {
            condition = notNull; // the referenced table is new, so empty: every non-NULL key is an orphan
        }
        String keyText = from.size() == 1 ? from.get(0) + "::text" : "ROW(" + String.join(", ", from) + ")::text";
        return new Probe(relation.live(), "every " + child + " (" + String.join(", ", key.columns()) + ") exists in "
                + key.referencedTable() + " (foreign key " + key.name() + ")",
                "SELECT count(*) FROM " + relation.probed("child") + " WHERE " + condition,
                "SELECT left(" + keyText + ", " + EXAMPLE_WIDTH + ") FROM " + relation.probed("child") + " WHERE "
                        + condition + " LIMIT 1",
                "SELECT * FROM " + relation.probed("child") + " WHERE " + condition);
    }

    /** Rows matching {@code condition} violate; the example is {@code example} or the whole row. */
    private static Probe where(PlannedRelations.Relation table, String what, String condition, String example) {
        String shown = example == null ? "probe_row::text" : example;
        String from = table.probed("probe_row");
        return new Probe(table.live(), what, "SELECT count(*) FROM " + from + " WHERE " + condition,
                "SELECT left(" + shown + ", " + EXAMPLE_WIDTH + ") FROM " + from + " WHERE " + condition + " LIMIT 1",
                "SELECT * FROM " + from + " WHERE " + condition);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
