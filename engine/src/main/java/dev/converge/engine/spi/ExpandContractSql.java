package dev.converge.engine.spi;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.plan.DdlStatement;
import java.util.List;

/**
 * ExpandContractSql is what a dialect writes for the parallel changes of expand and contract
 * ({@code dev.converge.engine.plan.phase}): the objects that keep an old and a new column in step
 * while both exist, and the bounded statements of a backfill. The engine decides what and when; the
 * dialect only spells it. Every object written here is named by {@link #syncName} and carries
 * {@code marker} (as a comment, or inside its body where the server keeps no comment), so that an
 * inspection recognises it as Converge's own.
 */
public interface ExpandContractSql {
    /**
     * The statements that make writes through either column reach the other: an insert that sets
     * only one of them, and an update that changes only one of them, set the other to the same value.
     */
    List<DdlStatement> createColumnSync(QualifiedName table, String oldColumn, String newColumn, String marker);

    /** The statements that remove what {@link #createColumnSync} made. */
    List<DdlStatement> dropColumnSync(QualifiedName table, String oldColumn, String newColumn);

    /**
     * The name of the sync objects of a column pair (a trigger, and on PostgreSQL its function): at
     * most the server's identifier length, the same for the same pair every time.
     */
    String syncName(QualifiedName table, String oldColumn, String newColumn);

    /**
     * The statements that rename {@code table} to {@code newName} and leave, in the same instant, a view
     * under the old name that selects {@code columns} from it, carrying {@code marker}: a release that
     * still uses the old name inserts, updates and deletes through the view with no statement failing
     * in between (atomically: in one transaction, or by a rename the server does at once).
     */
    List<DdlStatement> renameTableBehindView(QualifiedName table, String newName, List<String> columns, String marker);

    /** The statements that undo {@link #renameTableBehindView}: the view goes, the table takes its old name back. */
    List<DdlStatement> undoRenameTableBehindView(QualifiedName table, String newName);

    /*
     * Keys travel as text, so one backfill serves every key type: {@code keyType} is the key column's
     * type as the model holds it, for a dialect that must cast the text back to compare in key order.
     */

    /**
     * A query with four parameters (the last key done, twice, null before the first batch; then the bound,
     * twice, null for none; all as text) whose single row holds the greatest key of the next batch of
     * {@code size} rows after the last key and not past the bound, as text, or no row or NULL when none is
     * left. The server compares the keys in the key's own type and order (numbers as numbers, UUIDs as
     * UUIDs, text in the column's collation), so the engine never interprets a key.
     */
    String nextBatchEnd(QualifiedName table, String key, String keyType, int size);

    /** A query without parameters whose single row holds the greatest key of the table, as text (none when empty). */
    String lastKey(QualifiedName table, String key);

    /**
     * An update with three parameters (the last key done, twice, or null; and the batch's last key, all
     * as text) that copies {@code source} into {@code target} in that key range where the two differ.
     */
    String copyBatch(QualifiedName table, String key, String keyType, String target, String source);

    /**
     * An update with the three parameters of {@link #copyBatch} for a type change: {@code target} (of type
     * {@code targetType}) takes {@code source}'s value converted to that type, where the two differ.
     */
    String castBatch(QualifiedName table, String key, String keyType, String target, String targetType, String source);

    /**
     * The pre-check of a type change: statements run in order, one of them a query whose single value is the
     * number of rows whose {@code column} does not convert from {@code fromType} to {@code toType} and back
     * unchanged (too long, out of range, not a number, rounded). Only objects of the session are created
     * (and dropped); no value is read out.
     */
    List<String> countUnconvertible(QualifiedName table, String column, String fromType, String toType);

    /**
     * The contract of a type change: the sync of the pair dropped, {@code oldColumn} dropped and {@code
     * newColumn} renamed to its name with {@code desired}'s NOT NULL and default (placed after {@code after},
     * or first when null, where the server places columns), in as few transactions as the server allows, so
     * that no write of the application meets the name missing or the new column out of step.
     */
    List<DdlStatement> swapColumn(QualifiedName table, String oldColumn, String newColumn, Column desired, String after);

    /**
     * An update with the three parameters of {@link #copyBatch} that sets {@code column} to its default in
     * that key range where it is NULL.
     */
    String fillNullsBatch(QualifiedName table, String key, String keyType, String column);

    /** A query with two parameters (the last key done, twice, or null) counting the rows after it. */
    String countRows(QualifiedName table, String key, String keyType);

    /** The statements that create the bookkeeping table of backfill checkpoints when it is missing. */
    List<String> createBackfillTable();
}
