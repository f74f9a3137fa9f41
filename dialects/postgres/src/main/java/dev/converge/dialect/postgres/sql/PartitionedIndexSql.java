package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.model.Index;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.plan.DdlStatement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PartitionedIndexSql builds a new index of an existing partitioned table without locking it for the
 * build, the way PostgreSQL allows it (it refuses CREATE INDEX CONCURRENTLY on a partitioned table;
 * https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY, "Building
 * Indexes Concurrently", and ddl-partitioning "Partition Maintenance"):
 * <ol>
 *   <li>{@code CREATE INDEX <name> ON ONLY <parent> ...}: catalog only, SHARE on the parent for an
 *   instant; the index is invalid until every partition has its copy;</li>
 *   <li>per partition, {@code CREATE INDEX CONCURRENTLY <copy> ON <partition> ...} outside a
 *   transaction: SHARE UPDATE EXCLUSIVE on that partition (reads and writes go on), a failed build's
 *   INVALID index dropped by its cleanup; a partition that is partitioned itself gets steps 1-3 in turn;</li>
 *   <li>per partition, {@code ALTER INDEX <name> ATTACH PARTITION <copy>}: ACCESS SHARE on the tables,
 *   ACCESS EXCLUSIVE on the new copy only; after the last one the parent's index is valid.</li>
 * </ol>
 * Each copy is named as PostgreSQL names the copies a plain CREATE INDEX on the parent makes
 * ({@code <partition>_<columns>_idx}, cut to 63 bytes, numbered when taken), so both ways give the
 * same schema. Dropping such an index has no concurrent form at all: {@code DROP INDEX} on the parent
 * drops every copy under ACCESS EXCLUSIVE on the parent and every partition, briefly (no scan).
 */
public final class PartitionedIndexSql {
    private static final Pattern HEAD = Pattern.compile("^CREATE (UNIQUE )?INDEX (\"(?:[^\"]|\"\")+\"|\\S+) ON ");
    private static final Pattern PLAIN_COLUMN = Pattern.compile("^(\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*)(?=\\s|$)");
    private static final Pattern FUNCTION_CALL = Pattern.compile(
            "^(?:(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)\\.)?(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)\\(");
    private static final Pattern CAST_COLUMN = Pattern.compile(
            "^\\(\\(?(\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*)\\)?::[^()]*\\)(?=\\s|$)");
    private static final int NAME_BYTES = 63;

    private final SchemaModel current;
    private final Set<QualifiedName> taken = new HashSet<>();

    private PartitionedIndexSql(SchemaModel current) {
        this.current = current;
        current.tables().forEach(t -> taken.add(t.name()));
        current.indexes().forEach(i -> taken.add(i.name()));
        current.views().forEach(v -> taken.add(v.name()));
        current.materializedViews().forEach(v -> taken.add(v.name()));
        current.sequences().forEach(s -> taken.add(s.name()));
    }

    /** True when {@code table} is partitioned in {@code current}. */
    public static boolean isPartitioned(QualifiedName table, SchemaModel current) {
        return current.tables().stream().anyMatch(t -> t.name().equals(table) && t.partitionKey() != null);
    }

    /** The partitions of {@code table} in {@code current}, and theirs, depth first. */
    public static List<Table> partitionsOf(QualifiedName table, SchemaModel current) {
        List<Table> out = new ArrayList<>();
        for (Table t : current.tables()) {
            if (t.partitionOf() != null && t.partitionOf().parent().equals(table)) {
                out.add(t);
                out.addAll(partitionsOf(t.name(), current));
            }
        }
        return out;
    }

    /** The steps above for a new index of a partitioned table, or null when its definition is not understood. */
    static List<DdlStatement> create(Index index, SchemaModel current) {
        String definition = ViewSql.createIndex(index);
        Matcher m = HEAD.matcher(definition);
        int using = definition.indexOf(" USING ");
        if (!m.find() || using < m.end()) {
            return null;
        }
        String head = "CREATE " + (m.group(1) == null ? "" : "UNIQUE ") + "INDEX ";
        String body = definition.substring(using);
        List<DdlStatement> statements = new ArrayList<>();
        new PartitionedIndexSql(current).build(index.name(), index.table(), head, body, indexColumns(index), statements);
        return statements;
    }

    private void build(QualifiedName name, QualifiedName parent, String head, String body, List<String> columns,
                       List<DdlStatement> out) {
        out.add(DdlStatement.inTransaction(head + quote(name.name()) + " ON ONLY " + quote(parent) + body));
        for (Table partition : current.tables()) {
            if (partition.partitionOf() == null || !partition.partitionOf().parent().equals(parent)) {
                continue;
            }
            QualifiedName copy = chooseName(partition.name(), columns);
            if (partition.partitionKey() != null) {
                build(copy, partition.name(), head, body, columns, out);
            } else {
                out.add(DdlStatement.outsideTransaction(head.replace("INDEX ", "INDEX CONCURRENTLY ")
                        + quote(copy.name()) + " ON " + quote(partition.name()) + body,
                        "DROP INDEX CONCURRENTLY IF EXISTS " + quote(copy)));
            }
            out.add(DdlStatement.inTransaction("ALTER INDEX " + quote(name) + " ATTACH PARTITION " + quote(copy)));
        }
    }

    /** PostgreSQL's ChooseRelationName(table, columns joined by "_", "idx"): numbered while the name is taken. */
    private QualifiedName chooseName(QualifiedName table, List<String> columns) {
        String addition = clip(String.join("_", columns), NAME_BYTES);
        for (int pass = 0; ; pass++) {
            QualifiedName candidate = QualifiedName.of(table.schema(),
                    objectName(table.name(), addition, pass == 0 ? "idx" : "idx" + pass));
            if (taken.add(candidate)) {
                return candidate;
            }
        }
    }

    /** PostgreSQL's makeObjectName: the longer of the two names is cut first until all fits in 63 bytes. */
    static String objectName(String name1, String name2, String label) {
        int overhead = (name2.isEmpty() ? 0 : 1) + label.length() + 1;
        int available = NAME_BYTES - overhead;
        int chars1 = bytes(name1);
        int chars2 = bytes(name2);
        while (chars1 + chars2 > available) {
            if (chars1 > chars2) {
                chars1--;
            } else {
                chars2--;
            }
        }
        String first = clip(name1, chars1);
        String second = clip(name2, chars2);
        return first + (second.isEmpty() ? "" : "_" + second) + "_" + label;
    }

    /**
     * PostgreSQL's ChooseIndexColumnNames over the key and INCLUDE columns: a plain column by its
     * name, an expression as {@code expr}, a repeated name numbered.
     */
    static List<String> indexColumns(Index index) {
        List<String> all = new ArrayList<>();
        index.keys().forEach(k -> all.add(columnName(k)));
        all.addAll(index.include());
        List<String> names = new ArrayList<>();
        for (String original : all) {
            String name = original;
            for (int i = 1; names.contains(name); i++) {
                name = clip(original, NAME_BYTES - String.valueOf(i).length()) + i;
            }
            names.add(name);
        }
        return names;
    }

    /**
     * A key's name as PostgreSQL's FigureIndexColname gives it for the copies: a column's name, a function
     * call's name (also under a cast), else {@code expr}. Keys are deparsed: a function call prints bare,
     * any other expression in parentheses.
     */
    static String columnName(String key) {
        Matcher column = PLAIN_COLUMN.matcher(key);
        if (column.find()) {
            return unquote(column.group(1));
        }
        Matcher call = FUNCTION_CALL.matcher(key);
        if (call.find() && closingParen(key, call.end() - 1) == lastParen(key)) {
            return unquote(call.group(1)).toLowerCase(java.util.Locale.ROOT);
        }
        Matcher cast = CAST_COLUMN.matcher(key);
        return cast.find() ? unquote(cast.group(1)) : "expr";
    }

    private static String unquote(String identifier) {
        return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
                : identifier;
    }

    /** The index of the parenthesis that closes the one at {@code open} (quotes and strings skipped). */
    private static int closingParen(String text, int open) {
        int depth = 0;
        boolean inString = false;
        boolean inName = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' && !inName) {
                inString = !inString;
            } else if (c == '"' && !inString) {
                inName = !inName;
            } else if (!inString && !inName && c == '(' && ++depth > 0) {
                continue;
            } else if (!inString && !inName && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The last ')' of the key before its decoration (COLLATE, operator class, order), which has none. */
    private static int lastParen(String key) {
        return key.lastIndexOf(')');
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of {@code text} of at most {@code maxBytes} UTF-8 bytes, on a character boundary. */
    private static String clip(String text, int maxBytes) {
        int end = text.length();
        while (bytes(text.substring(0, end)) > maxBytes) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end);
    }
}
