package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import java.util.ArrayList;
import java.util.List;

/** TableSql writes CREATE TABLE / DROP TABLE and the column definition shared with ADD COLUMN. */
final class TableSql {
    private static final String INDENT = "    ";

    private TableSql() {
    }

    /**
     * One column or constraint per line so plans are easy to review. Foreign keys and comments are
     * separate changes: foreign keys may point at tables created later in the plan.
     */
    static String create(Table table) {
        if (table.partitionOf() != null) {
            return createPartition(table);
        }
        return createPlain(table) + partitionBy(table);
    }

    /**
     * {@code CREATE TABLE p PARTITION OF parent [(CONSTRAINT ...)] FOR VALUES ... [PARTITION BY ...]}:
     * the columns come from the parent; only the partition's own constraints are written.
     */
    private static String createPartition(Table table) {
        StringBuilder sql = new StringBuilder(TableOptionsSql.createKeyword(table.options())).append(quote(table.name()))
                .append(" PARTITION OF ")
                .append(quote(table.partitionOf().parent()));
        if (!table.constraints().isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (TableConstraint constraint : table.constraints()) {
                lines.add(INDENT + "CONSTRAINT " + quote(constraint.name()) + " " + constraint.definition());
            }
            sql.append(" (\n").append(String.join(",\n", lines)).append("\n)");
        }
        return sql.append(' ').append(table.partitionOf().bound()).append(partitionBy(table)).toString();
    }

    private static String partitionBy(Table table) {
        return table.partitionKey() == null ? "" : " PARTITION BY " + table.partitionKey();
    }

    /** {@code ALTER TABLE parent DETACH PARTITION t}, then {@code ALTER TABLE parent ATTACH PARTITION t bound}. */
    static List<String> setPartitionOf(QualifiedName table, Table.PartitionOf from, Table.PartitionOf to) {
        List<String> sql = new ArrayList<>();
        if (from != null) {
            sql.add("ALTER TABLE " + quote(from.parent()) + " DETACH PARTITION " + quote(table));
        }
        if (to != null) {
            sql.add("ALTER TABLE " + quote(to.parent()) + " ATTACH PARTITION " + quote(table) + " " + to.bound());
        }
        return sql;
    }

    private static String createPlain(Table table) {
        List<String> lines = new ArrayList<>();
        for (Column column : table.columns()) {
            lines.add(INDENT + columnDefinition(column));
        }
        for (TableConstraint constraint : table.constraints()) {
            lines.add(INDENT + "CONSTRAINT " + quote(constraint.name()) + " " + constraint.definition());
        }
        String create = TableOptionsSql.createKeyword(table.options());
        if (lines.isEmpty()) {
            return create + quote(table.name()) + " ()";
        }
        return create + quote(table.name()) + " (\n" + String.join(",\n", lines) + "\n)";
    }

    static String drop(Table table) {
        return "DROP TABLE " + quote(table.name());
    }

    /** {@code "c" type [COLLATE "x"] [DEFAULT e | GENERATED ...] [NOT NULL]}, as in CREATE TABLE. */
    static String columnDefinition(Column column) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(column.type());
        if (column.collation() != null) {
            sql.append(" COLLATE ").append(column.collation());
        }
        if (column.generatedExpression() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(column.generatedExpression()).append(") STORED");
        } else if (column.identity() != Identity.NONE) {
            sql.append(" GENERATED ").append(column.identity().sql()).append(" AS IDENTITY")
                    .append(IdentitySql.clause(column));
        } else if (column.defaultExpression() != null) {
            sql.append(" DEFAULT ").append(column.defaultExpression());
        }
        // Identity columns are NOT NULL anyway; saying so keeps the text equal to what the model holds.
        if (column.notNull()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }
}
