package dev.converge.dialect.mysql.sql;

import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Partitioning is how a MySQL table splits its rows, kept in the table's options (MySQL partitions
 * are no tables, unlike PostgreSQL's), one option for the method and one per partition, in order:
 * {@code PARTITION BY RANGE (year(`d`))}, then {@code PARTITION `p1` VALUES LESS THAN (2020)}, ... .
 * Subpartitions with the server's default names ({@code p0sp0}) are in the first option
 * ({@code SUBPARTITION BY HASH (to_days(`d`)) SUBPARTITIONS 2}); others are listed in their partition.
 * Comparing the options compares the partitioning; {@link PartitionChange} turns a difference into
 * statements.
 *
 * @param head       {@code PARTITION BY <method> (<expression>)} with any subpartitioning
 * @param partitions one definition per partition
 */
public record Partitioning(String head, List<String> partitions) {
    public static final String BY = "PARTITION BY ";
    private static final String PARTITION = "PARTITION `";

    public Partitioning {
        partitions = List.copyOf(partitions);
    }

    /** True for the options that describe partitioning, which are written after every other table option. */
    public static boolean isPartitionOption(String option) {
        return option.startsWith(BY) || option.startsWith(PARTITION);
    }

    /** The partitioning among a table's options, or null when it has none. */
    public static Partitioning of(List<String> options) {
        String head = options.stream().filter(o -> o.startsWith(BY)).findFirst().orElse(null);
        return head == null ? null
                : new Partitioning(head, options.stream().filter(o -> o.startsWith(PARTITION)).toList());
    }

    /** The options without partitioning. */
    public static List<String> withoutPartitioning(List<String> options) {
        return options.stream().filter(o -> !isPartitionOption(o)).toList();
    }

    /** RANGE, RANGE COLUMNS, LIST, LIST COLUMNS, HASH, LINEAR HASH, KEY or LINEAR KEY. */
    public String method() {
        String rest = head.substring(BY.length());
        int paren = rest.indexOf('(');
        return rest.substring(0, paren).trim().toUpperCase(Locale.ROOT);
    }

    /** RANGE and LIST partitions are chosen by value and named; HASH and KEY ones are counted. */
    public boolean byValue() {
        return method().startsWith("RANGE") || method().startsWith("LIST");
    }

    /** The name of a partition definition. */
    public static String name(String partition) {
        StringBuilder name = new StringBuilder();
        for (int i = PARTITION.length(); i < partition.length(); i++) {
            char c = partition.charAt(i);
            if (c == '`') {
                if (i + 1 < partition.length() && partition.charAt(i + 1) == '`') {
                    name.append('`');
                    i++;
                    continue;
                }
                break;
            }
            name.append(c);
        }
        return name.toString();
    }

    public List<String> names() {
        return partitions.stream().map(Partitioning::name).toList();
    }

    /** True when the partitions are counted and named as the server names them (p0, p1, ...). */
    public boolean defaultNames() {
        for (int i = 0; i < partitions.size(); i++) {
            if (!partitions.get(i).equals(PARTITION + "p" + i + "`")) {
                return false;
            }
        }
        return true;
    }

    /** The clause of CREATE TABLE and ALTER TABLE that partitions a table this way. */
    public String clause() {
        if (!byValue() && defaultNames()) {
            // One partition is what the method gives without a count; SHOW CREATE writes none then.
            return partitions.size() == 1 ? head : head + " PARTITIONS " + partitions.size();
        }
        return head + " (" + String.join(", ", partitions) + ")";
    }

    /** A partition definition as the inspector writes it. */
    public static String partition(String name, String method, String description, String comment,
                                   List<String> subpartitions) {
        StringBuilder sql = new StringBuilder("PARTITION ").append(quote(name));
        if (method.startsWith("RANGE")) {
            boolean bare = description.equals("MAXVALUE") && !method.contains("COLUMNS");
            sql.append(" VALUES LESS THAN ").append(bare ? description : "(" + description + ")");
        } else if (method.startsWith("LIST")) {
            sql.append(" VALUES IN (").append(description).append(')');
        }
        if (comment != null && !comment.isEmpty()) {
            sql.append(" COMMENT = ").append(dev.converge.dialect.mysql.MysqlIdentifiers.literal(comment));
        }
        if (!subpartitions.isEmpty()) {
            List<String> defs = new ArrayList<>();
            subpartitions.forEach(s -> defs.add("SUBPARTITION " + quote(s)));
            sql.append(" (").append(String.join(", ", defs)).append(')');
        }
        return sql.toString();
    }

    /** The head option: {@code PARTITION BY RANGE COLUMNS(`a`,`b`)}, with subpartitioning. */
    public static String head(String method, String expression, String subMethod, String subExpression, int subCount) {
        String by = BY + method + (method.endsWith("COLUMNS") ? "(" : " (") + (expression == null ? "" : expression) + ")";
        if (subMethod != null) {
            by += " SUBPARTITION BY " + subMethod + " (" + (subExpression == null ? "" : subExpression) + ")";
            if (subCount > 0) {
                by += " SUBPARTITIONS " + subCount;
            }
        }
        return by;
    }
}
