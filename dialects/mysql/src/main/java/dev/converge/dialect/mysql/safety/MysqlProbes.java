package dev.converge.dialect.mysql.safety;

import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import dev.converge.dialect.mysql.sql.ColumnType;
import dev.converge.engine.change.AddConstraint;
import dev.converge.engine.change.AddForeignKey;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.ReplaceIndex;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import dev.converge.engine.safety.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * MysqlProbes finds the data pre-checks a change needs on an existing MySQL table, the same as on
 * PostgreSQL: NOT NULL over NULLs, a unique index or primary key over duplicates (and a primary key over
 * NULLs), a narrowing type change that values do not fit (length, integer range, DECIMAL digits, ENUM and
 * SET values in use), a foreign key with orphans, a CHECK that rows violate (MariaDB 10.2+ and MySQL
 * 8.0.16+ enforce CHECK). A table the plan creates is empty and gets no probe; neither does a check
 * declared NOT ENFORCED. Tables are named without their database: probes run on the target's own.
 */
final class MysqlProbes {
    /** A key part as the inspector writes it: {@code `c`}, {@code `c`(10)}, {@code `c` DESC}, {@code (expr)}. */
    private static final Pattern PREFIX_PART = Pattern.compile("^(`(?:[^`]|``)+`)\\((\\d+)\\)$");
    private static final String EXAMPLE_WIDTH = "60";

    private final Map<QualifiedName, Table> existing;

    /** @param existing the target's tables by name */
    MysqlProbes(Map<QualifiedName, Table> existing) {
        this.existing = existing;
    }

    List<Probe> of(Change change) {
        if (change instanceof AlterColumn alter && existing.containsKey(alter.table())) {
            return alterColumn(alter);
        }
        if (change instanceof AddConstraint add && existing.containsKey(add.table())) {
            return constraint(add.table(), add.constraint());
        }
        if (change instanceof AddForeignKey add && existing.containsKey(add.foreignKey().table())) {
            return List.of(orphans(add.foreignKey()));
        }
        if (change instanceof CreateIndex create) {
            return uniqueIndex(create.index());
        }
        if (change instanceof ReplaceIndex replace) {
            return uniqueIndex(replace.to());
        }
        return List.of();
    }

    private List<Probe> alterColumn(AlterColumn change) {
        QualifiedName table = change.table();
        String column = quote(change.to().name());
        String display = table.name() + "." + change.to().name();
        List<Probe> probes = new ArrayList<>();
        if (change.kinds().contains(ColumnChangeKind.NOT_NULL) && change.to().notNull()) {
            probes.add(where(table, display + " has no NULLs", column + " IS NULL"));
        }
        ColumnType from = ColumnType.of(change.from().type());
        ColumnType to = ColumnType.of(change.to().type());
        if (!from.head().equals(to.head())) {
            TypeFit.Misfit misfit = TypeFit.of(column, from, to);
            if (misfit != null) {
                probes.add(where(table, "every value of " + display + " " + misfit.needs(), misfit.condition(),
                        "CAST(" + column + " AS CHAR)"));
            }
        }
        String check = columnCheck(to.tail());
        if (check != null && !check.equals(columnCheck(from.tail()))) {
            probes.add(where(table, "rows of " + table.name() + " satisfy the check of column " + change.to().name()
                    + " " + check, "NOT " + check));
        }
        return probes;
    }

    private List<Probe> constraint(QualifiedName table, TableConstraint constraint) {
        String definition = constraint.definition();
        if (constraint.kind() == ConstraintKind.CHECK && definition.startsWith("CHECK ")
                && !definition.contains("NOT ENFORCED")) {
            String expression = definition.substring("CHECK ".length());
            return List.of(where(table, "rows of " + table.name() + " satisfy check " + constraint.name() + " "
                    + expression, "NOT " + expression));
        }
        if (constraint.kind() == ConstraintKind.PRIMARY_KEY && !constraint.columns().isEmpty()) {
            List<String> columns = constraint.columns().stream().map(c -> quote(c)).toList();
            return List.of(where(table, "key columns of the primary key of " + table.name() + " have no NULLs",
                    columns.stream().map(c -> c + " IS NULL").collect(Collectors.joining(" OR "))),
                    duplicates(table, columns, "the primary key"));
        }
        return List.of();
    }

    private List<Probe> uniqueIndex(Index index) {
        if (!index.unique() || !existing.containsKey(index.table())) {
            return List.of();
        }
        List<String> keys = index.keys().stream().map(MysqlProbes::keyExpression).toList();
        return List.of(duplicates(index.table(), keys, "unique index " + index.name().name()));
    }

    /** The value a key part indexes: a prefix part indexes the first characters only. */
    private static String keyExpression(String part) {
        String bare = part.endsWith(" DESC") ? part.substring(0, part.length() - " DESC".length()) : part;
        Matcher prefix = PREFIX_PART.matcher(bare);
        return prefix.matches() ? "LEFT(" + prefix.group(1) + ", " + prefix.group(2) + ")" : bare;
    }

    /** Groups of rows with equal keys, none of them NULL (NULLs never collide in a unique index). */
    private static Probe duplicates(QualifiedName table, List<String> keys, String what) {
        String keyList = String.join(", ", keys);
        String notNull = keys.stream().map(k -> k + " IS NOT NULL").collect(Collectors.joining(" AND "));
        String groups = "SELECT " + keyList + " FROM {from} WHERE " + notNull + " GROUP BY " + keyList
                + " HAVING COUNT(*) > 1";
        String example = "CONCAT_WS(', ', " + keys.stream().map(k -> "QUOTE(" + k + ")").collect(Collectors.joining(", "))
                + ")";
        String exampleGroups = "SELECT " + example + " AS k FROM {from} WHERE " + notNull + " GROUP BY " + keyList
                + " HAVING COUNT(*) > 1 LIMIT 1";
        return new Probe(table, "keys of " + what + " (" + keyList + ") are unique in " + table.name(),
                "SELECT COUNT(*) FROM (" + groups + ") AS duplicates",
                "SELECT LEFT(k, " + EXAMPLE_WIDTH + ") FROM (" + exampleGroups + ") AS duplicates",
                groups.replace("SELECT " + keyList + " FROM", "SELECT " + keyList + ", COUNT(*) FROM"));
    }

    /** Rows whose non-NULL key has no referenced row; every non-NULL key when the referenced table is new. */
    private Probe orphans(ForeignKey key) {
        List<String> child = key.columns().stream().map(c -> "child." + quote(c)).toList();
        String condition = child.stream().map(c -> c + " IS NOT NULL").collect(Collectors.joining(" AND "));
        if (existing.containsKey(key.referencedTable())) {
            List<String> match = new ArrayList<>();
            for (int i = 0; i < child.size(); i++) {
                match.add("parent." + quote(key.referencedColumns().get(i)) + " = " + child.get(i));
            }
            condition += " AND NOT EXISTS (SELECT 1 FROM " + quote(key.referencedTable().name()) + " AS parent WHERE "
                    + String.join(" AND ", match) + ")";
        }
        String example = "CONCAT_WS(', ', " + child.stream().map(c -> "QUOTE(" + c + ")").collect(Collectors.joining(", "))
                + ")";
        return new Probe(key.table(), "every " + key.table().name() + " (" + String.join(", ", key.columns())
                + ") exists in " + key.referencedTable().name() + " (foreign key " + key.name() + ")",
                "SELECT COUNT(*) FROM {from AS child} WHERE " + condition,
                "SELECT LEFT(" + example + ", " + EXAMPLE_WIDTH + ") FROM {from AS child} WHERE " + condition + " LIMIT 1",
                "SELECT * FROM {from AS child} WHERE " + condition);
    }

    /** Rows matching {@code condition} violate; the example shows the row's key (or first columns). */
    private Probe where(QualifiedName table, String what, String condition) {
        return where(table, what, condition, rowText(table));
    }

    private static Probe where(QualifiedName table, String what, String condition, String example) {
        return new Probe(table, what, "SELECT COUNT(*) FROM {from AS probe_row} WHERE " + condition,
                "SELECT LEFT(" + example + ", " + EXAMPLE_WIDTH + ") FROM {from AS probe_row} WHERE " + condition
                        + " LIMIT 1",
                "SELECT * FROM {from AS probe_row} WHERE " + condition);
    }

    /** {@code id=7} for the primary key columns of the table, or its first three columns without one. */
    private String rowText(QualifiedName table) {
        Table t = existing.get(table);
        List<String> columns = t.constraints().stream().filter(k -> k.kind() == ConstraintKind.PRIMARY_KEY)
                .findFirst().map(TableConstraint::columns)
                .orElse(t.columns().stream().limit(3).map(Column::name).toList());
        return "CONCAT_WS(', ', " + columns.stream().map(c -> "CONCAT(" + dev.converge.dialect.mysql.MysqlIdentifiers
                .literal(c + "=") + ", QUOTE(" + quote(c) + "))").collect(Collectors.joining(", ")) + ")";
    }

    /** The {@code (expr)} of a column's {@code CHECK (expr)} in its type's tail, or null. */
    static String columnCheck(String tail) {
        int at = tail.indexOf(ColumnType.CHECK);
        if (at < 0) {
            return null;
        }
        int start = at + ColumnType.CHECK.length() - 1;
        int depth = 0;
        boolean quoted = false;
        for (int i = start; i < tail.length(); i++) {
            char c = tail.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return tail.substring(start, i + 1);
            }
        }
        return null;
    }
}
