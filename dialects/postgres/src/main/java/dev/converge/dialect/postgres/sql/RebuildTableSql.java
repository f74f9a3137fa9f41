package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.literal;
import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.change.CreateTable;
import dev.converge.engine.change.DropTable;
import dev.converge.engine.change.RebuildTable;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * RebuildTableSql gives a table a new partitioning by building it again, in one transaction:
 * <ol>
 *   <li>the table and its partitions are renamed out of the way ({@code <name>_converge_old}): ACCESS
 *       EXCLUSIVE on each, held until the transaction commits, so no row changes while they are copied;
 *       so are the sequences of its identity columns, whose names the new ones take;</li>
 *   <li>the desired table and its partitions are created under their names, without their primary keys,
 *       unique and exclusion constraints (their indexes still carry the old tables' names, and one index
 *       built after the copy is cheaper than one kept up to date row by row);</li>
 *   <li>the rows of each old table that holds rows are copied in batches of {@value #BATCH_PAGES} pages
 *       ({@code ctid} ranges, read by a TID range scan from PostgreSQL 14), the identity columns' values
 *       kept ({@code OVERRIDING SYSTEM VALUE}) and their sequences moved on to where the old ones stood;</li>
 *   <li>sequences owned by the old table's columns move to the new table's, and the old tables are dropped
 *       (without CASCADE: whatever still depends on them stops the apply, and the transaction rolls back);</li>
 *   <li>the primary key, unique and exclusion constraints are added.</li>
 * </ol>
 * Indexes, foreign keys, triggers, policies, grants, comments and views are steps of their own after this one.
 */
final class RebuildTableSql {
    /** 16,384 pages of 8 kB: 128 MB per batch. */
    static final int BATCH_PAGES = 16384;
    private static final String SUFFIX = "_converge_old";

    private RebuildTableSql() {
    }

    /**
     * @param create how a table is created ({@code CREATE TABLE} and what follows it)
     */
    static List<String> statements(RebuildTable change, Function<CreateTable, List<String>> create) {
        List<String> sql = new ArrayList<>();
        for (DropTable drop : change.drops()) {
            sql.add("ALTER TABLE " + quote(drop.table().name()) + " RENAME TO " + quote(oldName(drop.table().name()).name()));
        }
        change.from().columns().stream().filter(c -> c.identity() != Identity.NONE)
                .forEach(c -> sql.add(identitySequenceAway(oldName(change.table()), c.name())));
        for (CreateTable table : change.creates()) {
            sql.addAll(create.apply(new CreateTable(table.table().withConstraints(table.table().constraints().stream()
                    .filter(c -> !indexBacked(c)).toList()))));
        }
        List<Column> copied = copiedColumns(change.from(), change.to());
        for (DropTable drop : change.drops()) {
            if (drop.table().partitionKey() == null) {
                sql.add(copy(oldName(drop.table().name()), change.table(), copied));
            }
        }
        for (Column column : copied) {
            boolean numbered = change.from().column(column.name()).map(c -> c.identity() != Identity.NONE
                    || c.defaultExpression() != null && c.defaultExpression().startsWith("nextval(")).orElse(false);
            if (column.identity() != Identity.NONE && numbered) {
                sql.add(identityPosition(change.table(), oldName(change.table()), column.name()));
            }
        }
        change.ownedSequences().forEach(s -> sql.add(SequenceSql.owner(s)));
        sql.add("DROP TABLE " + quote(oldName(change.table())));
        for (CreateTable table : change.creates()) {
            table.table().constraints().stream().filter(RebuildTableSql::indexBacked)
                    .forEach(c -> sql.add(ConstraintSql.add(table.table().name(), c)));
        }
        return sql;
    }

    /** The columns both tables have whose values are copied: a generated column computes its own. */
    static List<Column> copiedColumns(Table from, Table to) {
        return to.columns().stream().filter(c -> c.generatedExpression() == null && from.column(c.name()).isPresent())
                .toList();
    }

    private static boolean indexBacked(TableConstraint constraint) {
        return constraint.kind() != ConstraintKind.CHECK;
    }

    /**
     * One old table's rows, batch by batch of pages: each INSERT reads one range of the table's
     * {@code ctid}s, so that no single statement copies the whole table.
     */
    private static String copy(QualifiedName from, QualifiedName to, List<Column> columns) {
        return copy(from, to, columns, BATCH_PAGES);
    }

    /** The copy with another batch size: a test crosses several batches on a small table. */
    static String copy(QualifiedName from, QualifiedName to, List<Column> columns, int batchPages) {
        String names = String.join(", ", columns.stream().map(c -> quote(c.name())).toList());
        return "DO $converge$\n"
                + "DECLARE\n"
                + "    pages bigint := pg_relation_size(" + literal(quote(from)) + ") / current_setting('block_size')::bigint;\n"
                + "    first bigint := 0;\n"
                + "BEGIN\n"
                + "    WHILE first < pages LOOP\n"
                + "        INSERT INTO " + quote(to) + " (" + names + ") OVERRIDING SYSTEM VALUE\n"
                + "            SELECT " + names + " FROM ONLY " + quote(from) + "\n"
                + "            WHERE ctid >= format('(%s,0)', first)::tid AND ctid < format('(%s,0)', first + "
                + batchPages + ")::tid;\n"
                + "        first := first + " + batchPages + ";\n"
                + "    END LOOP;\n"
                + "END\n"
                + "$converge$";
    }

    /**
     * The old identity sequence leaves its name to the new table's, which PostgreSQL names after the
     * table and column as it would in a fresh database (taken, the name would get a number). Its name is
     * the server's to read: only the server knows it.
     */
    private static String identitySequenceAway(QualifiedName old, String column) {
        return "DO $converge$\n"
                + "DECLARE\n"
                + "    old regclass := pg_get_serial_sequence(" + literal(quote(old)) + ", " + literal(column) + ")::regclass;\n"
                + "BEGIN\n"
                + "    EXECUTE format('ALTER SEQUENCE %s RENAME TO %I', old,\n"
                + "        (SELECT left(relname, 40) || '" + SUFFIX + "' FROM pg_catalog.pg_class WHERE oid = old));\n"
                + "END\n"
                + "$converge$";
    }

    /**
     * The new identity sequence goes on from where the old one stood (it may be ahead of the copied
     * values). pg_get_serial_sequence reads the table as SQL text and the column as a name as it is.
     */
    private static String identityPosition(QualifiedName table, QualifiedName old, String column) {
        return "SELECT setval(pg_get_serial_sequence(" + literal(quote(table)) + ", " + literal(column) + "),"
                + " nextval(pg_get_serial_sequence(" + literal(quote(old)) + ", " + literal(column) + ")), false)";
    }

    /** {@code <name>_converge_old} in the table's schema, within PostgreSQL's 63 bytes. */
    static QualifiedName oldName(QualifiedName table) {
        return QualifiedName.of(table.schema(), TemporaryNames.withSuffix(table.name(), SUFFIX));
    }
}
