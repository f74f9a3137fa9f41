package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.change.SetPartitionOf;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.safety.OnlineStrategies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ConcurrentDetach decides when a partition leaves its parent with {@code DETACH PARTITION ...
 * CONCURRENTLY} (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DETACH-PARTITION),
 * which holds only SHARE UPDATE EXCLUSIVE on the parent instead of ACCESS EXCLUSIVE, and writes it.
 * PostgreSQL allows it from 14 on, outside any transaction block, and never while the parent has a
 * default partition. It is one of the concurrent forms ({@link OnlineStrategies#concurrentIndexes()}
 * turns them all on or off). When it fails half-way the partition stays "detach pending"; the cleanup
 * statement finishes the detach ({@code FINALIZE}), so that the next apply starts from a detached table.
 *
 * <p>The concurrent detach leaves a CHECK constraint equal to the old partition bound on the table,
 * named as PostgreSQL names an unnamed check ({@code <table>_<column>_check} for a one-column key);
 * the desired table does not have it, so it is dropped right after. The concurrent form is used only
 * when that name is certain: a partition key of one plain column, a name that fits in 63 bytes and is
 * not taken in the schema (PostgreSQL would add a number).
 *
 * <p>Both the generator and the safety classifier ask this class, so the plan's lock claims match its SQL.
 */
public final class ConcurrentDetach {
    private ConcurrentDetach() {
    }

    /** True when the change detaches a partition of an existing parent and the concurrent form is allowed. */
    public static boolean applies(SetPartitionOf change, SchemaModel current, int major, OnlineStrategies strategies) {
        if (change.from() == null || major < 14 || !strategies.concurrentIndexes()) {
            return false;
        }
        QualifiedName parent = change.from().parent();
        boolean parentExists = current.tables().stream().anyMatch(t -> t.name().equals(parent));
        boolean hasDefault = current.tables().stream().map(Table::partitionOf)
                .anyMatch(p -> p != null && p.parent().equals(parent) && "DEFAULT".equals(p.bound()));
        return parentExists && !hasDefault && addedCheck(change, current) != null;
    }

    /** The name of the check the concurrent detach adds, or null when it cannot be told for certain. */
    static String addedCheck(SetPartitionOf change, SchemaModel current) {
        Table parent = current.tables().stream().filter(t -> t.name().equals(change.from().parent())).findFirst()
                .orElse(null);
        String key = parent == null || parent.partitionKey() == null ? "" : parent.partitionKey();
        Matcher m = ONE_COLUMN_KEY.matcher(key);
        if (!m.matches()) {
            return null;
        }
        String column = m.group(2) != null ? m.group(2).replace("\"\"", "\"") : m.group(3);
        String name = change.table().name() + "_" + column + "_check";
        boolean taken = current.tables().stream().filter(t -> t.name().schema().equals(change.table().schema()))
                .flatMap(t -> t.constraints().stream()).anyMatch(c -> c.name().equals(name));
        return name.getBytes(StandardCharsets.UTF_8).length <= 63 && !taken ? name : null;
    }

    /** {@code RANGE (at)}, {@code LIST ("Region")}: a key of one column, no expression, no opclass. */
    private static final Pattern ONE_COLUMN_KEY = Pattern.compile("(RANGE|LIST|HASH) \\((?:\"((?:[^\"]|\"\")+)\"|([a-z_][a-z0-9_$]*))\\)");

    /** The concurrent detach, on its own, then the attach (if the partition moves) in the transaction. */
    static List<DdlStatement> statements(SetPartitionOf change, SchemaModel current) {
        String detach = "ALTER TABLE " + quote(change.from().parent()) + " DETACH PARTITION " + quote(change.table());
        List<DdlStatement> statements = new ArrayList<>();
        statements.add(DdlStatement.outsideTransaction(detach + " CONCURRENTLY", detach + " FINALIZE"));
        statements.add(DdlStatement.inTransaction("ALTER TABLE " + quote(change.table()) + " DROP CONSTRAINT IF EXISTS "
                + quote(addedCheck(change, current))));
        if (change.to() != null) {
            statements.add(DdlStatement.inTransaction(TableSql.setPartitionOf(change.table(), null, change.to()).get(0)));
        }
        return statements;
    }
}
