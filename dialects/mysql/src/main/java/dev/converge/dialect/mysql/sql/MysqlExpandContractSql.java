package dev.converge.dialect.mysql.sql;

import static dev.converge.dialect.mysql.MysqlIdentifiers.literal;
import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import dev.converge.engine.model.Column;
import dev.converge.dialect.mysql.MysqlIdentifiers;

import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.phase.OldNameView;
import dev.converge.engine.spi.BoundedNameExpandContractSql;
import java.util.List;

/**
 * MysqlExpandContractSql keeps two columns in step with a BEFORE INSERT and a BEFORE UPDATE trigger.
 * MySQL keeps no comment on a trigger, so the marker is a comment inside the body, which the server
 * keeps in the trigger's text. Keys are compared as the server converts the text parameter (numbers
 * numerically, strings in the column's collation), so no cast is written.
 */
public final class MysqlExpandContractSql extends BoundedNameExpandContractSql {
    /** MySQL's identifier length less the 4-character suffix of the two triggers. */
    private static final int MAX_NAME = 60;

    public MysqlExpandContractSql() {
        super(MAX_NAME);
    }

    /*
     * On INSERT the column the statement left NULL takes the other's value; on UPDATE the column the
     * statement changed wins. MariaDB and MySQL check NOT NULL after BEFORE triggers, so an old NOT NULL
     * column is filled from the new one in time.
     */
    @Override
    public List<DdlStatement> createColumnSync(QualifiedName table, String oldColumn, String newColumn, String marker) {
        String name = syncName(table, oldColumn, newColumn);
        String o = quote(oldColumn);
        String n = quote(newColumn);
        String comment = "/* " + marker.replace("*/", "* /") + " */";
        String insert = "CREATE TRIGGER " + quote(name + "_ins") + " BEFORE INSERT ON "
                + qualified(table) + " FOR EACH ROW\nBEGIN\n  " + comment + "\n"
                + "  IF NEW." + n + " IS NULL THEN SET NEW." + n + " = NEW." + o + ";\n"
                + "  ELSEIF NEW." + o + " IS NULL THEN SET NEW." + o + " = NEW." + n + ";\n"
                + "  END IF;\nEND";
        String update = "CREATE TRIGGER " + quote(name + "_upd") + " BEFORE UPDATE ON "
                + qualified(table) + " FOR EACH ROW\nBEGIN\n  " + comment + "\n"
                + "  IF NOT (NEW." + o + " <=> OLD." + o + ") THEN SET NEW." + n + " = NEW." + o + ";\n"
                + "  ELSEIF NOT (NEW." + n + " <=> OLD." + n + ") THEN SET NEW." + o + " = NEW." + n + ";\n"
                + "  END IF;\nEND";
        return List.of(DdlStatement.outsideTransaction(insert), DdlStatement.outsideTransaction(update));
    }

    @Override
    public List<DdlStatement> dropColumnSync(QualifiedName table, String oldColumn, String newColumn) {
        String name = syncName(table, oldColumn, newColumn);
        return List.of(DdlStatement.outsideTransaction("DROP TRIGGER IF EXISTS " + quote(name + "_ins")),
                DdlStatement.outsideTransaction("DROP TRIGGER IF EXISTS " + quote(name + "_upd")));
    }

    /*
     * Every DDL statement commits on its own, so a rename followed by a CREATE VIEW would leave the old
     * name missing for a moment. Instead the view is made first, over a stand-in view under the new
     * name (a view is bound to names, not to tables), and one RENAME TABLE, which the server does at
     * once, swaps the stand-in out, the table to its new name and the view to the old name. The
     * stand-ins are views, never tables: the undo drops views only (DROP VIEW leaves a table alone), so
     * whichever statement an apply stopped after, undoing it cannot drop a table. MySQL keeps no comment
     * on a view: the marker is a literal in a WHERE clause that is always true (a WHERE keeps a view
     * updatable).
     */
    @Override
    public List<DdlStatement> renameTableBehindView(QualifiedName table, String newName, List<String> columns,
                                                    String marker) {
        String list = String.join(", ", columns.stream().map(MysqlIdentifiers::quote).toList());
        return List.of(DdlStatement.outsideTransaction("CREATE VIEW " + quote(newName) + " AS SELECT " + list + " FROM "
                        + qualified(table)),
                DdlStatement.outsideTransaction("CREATE VIEW " + quote(scratchView(newName)) + " AS SELECT " + list
                        + " FROM " + quote(newName) + " WHERE " + literal(marker) + " IS NOT NULL"),
                DdlStatement.outsideTransaction("RENAME TABLE " + quote(newName) + " TO " + quote(standIn(newName)) + ", "
                        + qualified(table) + " TO " + quote(newName) + ", " + quote(scratchView(newName)) + " TO "
                        + qualified(table)),
                DdlStatement.outsideTransaction("DROP VIEW " + quote(standIn(newName))));
    }

    /* Each statement undoes one state the expand may have stopped in; one that finds nothing to undo fails harmlessly. */
    @Override
    public List<DdlStatement> undoRenameTableBehindView(QualifiedName table, String newName) {
        return List.of(DdlStatement.outsideTransaction("DROP VIEW IF EXISTS " + quote(scratchView(newName))),
                DdlStatement.outsideTransaction("DROP VIEW IF EXISTS " + quote(standIn(newName))),
                DdlStatement.outsideTransaction("DROP VIEW IF EXISTS " + quote(newName)),
                DdlStatement.outsideTransaction("DROP VIEW IF EXISTS " + qualified(table)),
                DdlStatement.outsideTransaction("RENAME TABLE " + quote(newName) + " TO " + qualified(table)));
    }

    private static String scratchView(String newName) {
        return OldNameView.scratchName("view", newName, MAX_NAME);
    }

    private static String standIn(String newName) {
        return OldNameView.scratchName("gone", newName, MAX_NAME);
    }

    @Override
    public String nextBatchEnd(QualifiedName table, String key, String keyType, int size) {
        return "SELECT CAST(k AS CHAR) AS batch_end FROM (SELECT " + quote(key) + " AS k FROM " + qualified(table) + " WHERE ("
                + after(key) + ") AND (? IS NULL OR " + quote(key) + " <= ?) ORDER BY " + quote(key) + " LIMIT " + size
                + ") b ORDER BY k DESC LIMIT 1";
    }

    @Override
    public String lastKey(QualifiedName table, String key) {
        // Ordered inside, in the key's own type: an outer ORDER BY could name the text column instead.
        return "SELECT CAST(k AS CHAR) AS last_key FROM (SELECT " + quote(key) + " AS k FROM " + qualified(table) + " ORDER BY "
                + quote(key) + " DESC LIMIT 1) b";
    }

    @Override
    public String copyBatch(QualifiedName table, String key, String keyType, String target, String source) {
        return "UPDATE " + qualified(table) + " SET " + quote(target) + " = " + quote(source) + " WHERE (" + after(key)
                + ") AND " + quote(key) + " <= ? AND NOT (" + quote(target) + " <=> " + quote(source) + ")";
    }

    /* MySQL converts on assignment (and in strict mode refuses what does not fit): the copy needs no cast. */
    @Override
    public String castBatch(QualifiedName table, String key, String keyType, String target, String targetType,
                            String source) {
        return copyBatch(table, key, keyType, target, source);
    }

    /*
     * MySQL cannot cast to every column type (no CAST AS VARCHAR(n)): the values go through a temporary
     * table's columns of both types, with IGNORE so that what does not fit is cut or zeroed instead of
     * failing, and come back different.
     */
    @Override
    public List<String> countUnconvertible(QualifiedName table, String column, String fromType, String toType) {
        String scratch = quote("converge_unconvertible");
        return List.of("DROP TEMPORARY TABLE IF EXISTS " + scratch,
                "CREATE TEMPORARY TABLE " + scratch + " (v_from " + fromType + " NULL, v_to " + toType + " NULL, v_back "
                        + fromType + " NULL)",
                "INSERT IGNORE INTO " + scratch + " (v_from, v_to) SELECT " + quote(column) + ", " + quote(column)
                        + " FROM " + qualified(table) + " WHERE " + quote(column) + " IS NOT NULL",
                "UPDATE IGNORE " + scratch + " SET v_back = v_to",
                "SELECT count(*) FROM " + scratch + " WHERE NOT (v_back <=> v_from)",
                "DROP TEMPORARY TABLE " + scratch);
    }

    /*
     * Every MySQL DDL statement commits on its own: the table is locked for writing first, so the
     * application's writes wait (instead of reaching the old column after its sync is gone) until the
     * new column has the name, in one ALTER TABLE, and the lock is released.
     */
    @Override
    public List<DdlStatement> swapColumn(QualifiedName table, String oldColumn, String newColumn, Column desired,
                                         String after) {
        List<DdlStatement> swap = new java.util.ArrayList<>();
        swap.add(DdlStatement.outsideTransaction("LOCK TABLES " + qualified(table) + " WRITE"));
        swap.addAll(dropColumnSync(table, oldColumn, newColumn));
        swap.add(DdlStatement.outsideTransaction("ALTER TABLE " + qualified(table) + " DROP COLUMN " + quote(oldColumn)
                + ", CHANGE COLUMN " + quote(newColumn) + " " + ColumnSql.definition(desired)
                + (after == null ? " FIRST" : " AFTER " + quote(after))));
        swap.add(DdlStatement.outsideTransaction("UNLOCK TABLES"));
        return swap;
    }

    @Override
    public String fillNullsBatch(QualifiedName table, String key, String keyType, String column) {
        return "UPDATE " + qualified(table) + " SET " + quote(column) + " = DEFAULT WHERE (" + after(key) + ") AND "
                + quote(key) + " <= ? AND " + quote(column) + " IS NULL";
    }

    @Override
    public String countRows(QualifiedName table, String key, String keyType) {
        return "SELECT count(*) FROM " + qualified(table) + " WHERE " + after(key);
    }

    @Override
    public List<String> createBackfillTable() {
        return List.of("CREATE DATABASE IF NOT EXISTS converge",
                "CREATE TABLE IF NOT EXISTS converge.backfills (task varchar(512) NOT NULL PRIMARY KEY, last_key text,"
                        + " batches bigint NOT NULL, rows_updated bigint NOT NULL, finished boolean NOT NULL,"
                        + " updated_at timestamp(6) NULL) ENGINE=InnoDB");
    }

    /** The target's own database: a MySQL model names tables without it, as the generator writes them. */
    private static String qualified(QualifiedName table) {
        return quote(table.name());
    }

    private static String after(String key) {
        return "? IS NULL OR " + quote(key) + " > ?";
    }
}
