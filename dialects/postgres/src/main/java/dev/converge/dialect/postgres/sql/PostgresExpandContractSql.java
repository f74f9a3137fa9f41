package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.literal;
import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.spi.BoundedNameExpandContractSql;
import java.util.List;

/**
 * PostgresExpandContractSql keeps two columns in step with one BEFORE INSERT OR UPDATE trigger and its
 * PL/pgSQL function, both commented with Converge's marker, and walks backfills by key range with
 * the key cast back from text to its own type (so ranges follow the key's order, not text order).
 */
public final class PostgresExpandContractSql extends BoundedNameExpandContractSql {
    public PostgresExpandContractSql() {
        super(63); // NAMEDATALEN - 1
    }

    /*
     * On INSERT the column the statement left NULL takes the other's value (a release writing either
     * name works); on UPDATE the column the statement changed wins. BEFORE triggers run before NOT
     * NULL is checked, so an old NOT NULL column is filled from the new one in time.
     */
    @Override
    public List<DdlStatement> createColumnSync(QualifiedName table, String oldColumn, String newColumn, String marker) {
        String name = syncName(table, oldColumn, newColumn);
        QualifiedName function = QualifiedName.of(table.schema(), name);
        String o = quote(oldColumn);
        String n = quote(newColumn);
        String body = "CREATE FUNCTION " + quote(function) + "() RETURNS trigger LANGUAGE plpgsql AS $converge$\n"
                + "BEGIN\n"
                + "  IF TG_OP = 'INSERT' THEN\n"
                + "    IF NEW." + n + " IS NULL THEN NEW." + n + " := NEW." + o + ";\n"
                + "    ELSIF NEW." + o + " IS NULL THEN NEW." + o + " := NEW." + n + ";\n"
                + "    END IF;\n"
                + "  ELSIF NEW." + o + " IS DISTINCT FROM OLD." + o + " THEN NEW." + n + " := NEW." + o + ";\n"
                + "  ELSIF NEW." + n + " IS DISTINCT FROM OLD." + n + " THEN NEW." + o + " := NEW." + n + ";\n"
                + "  END IF;\n"
                + "  RETURN NEW;\n"
                + "END\n"
                + "$converge$";
        return DdlStatement.inTransaction(List.of(body,
                "COMMENT ON FUNCTION " + quote(function) + "() IS " + literal(marker),
                "CREATE TRIGGER " + quote(name) + " BEFORE INSERT OR UPDATE ON " + quote(table)
                        + " FOR EACH ROW EXECUTE FUNCTION " + quote(function) + "()",
                "COMMENT ON TRIGGER " + quote(name) + " ON " + quote(table) + " IS " + literal(marker)));
    }

    @Override
    public List<DdlStatement> dropColumnSync(QualifiedName table, String oldColumn, String newColumn) {
        String name = syncName(table, oldColumn, newColumn);
        return DdlStatement.inTransaction(List.of("DROP TRIGGER " + quote(name) + " ON " + quote(table),
                "DROP FUNCTION " + quote(QualifiedName.of(table.schema(), name)) + "()"));
    }

    /*
     * One transaction: a statement of the old release waiting on the table's lock finds the view under
     * the old name once it commits (PostgreSQL looks a name up again after waiting for a lock). The
     * view is new, so it gets the table's grants to other roles: the old release's role writes through it.
     */
    @Override
    public List<DdlStatement> renameTableBehindView(QualifiedName table, String newName, List<String> columns,
                                                    String marker) {
        QualifiedName renamed = QualifiedName.of(table.schema(), newName);
        String grants = "DO $converge$\nDECLARE g record;\nBEGIN\n"
                + "  FOR g IN SELECT a.grantee, a.privilege_type FROM pg_class c, aclexplode(c.relacl) a\n"
                + "      WHERE c.oid = " + literal(quote(renamed)) + "::regclass AND a.grantee <> c.relowner LOOP\n"
                + "    EXECUTE format('GRANT %s ON TABLE %s TO %s', g.privilege_type, " + literal(quote(table)) + ",\n"
                + "        CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(g.grantee)) END);\n"
                + "  END LOOP;\nEND\n$converge$";
        return DdlStatement.inTransaction(List.of("ALTER TABLE " + quote(table) + " RENAME TO " + quote(newName),
                "CREATE VIEW " + quote(table) + " AS SELECT " + String.join(", ", columns.stream()
                        .map(c -> quote(c)).toList()) + " FROM " + quote(renamed),
                "COMMENT ON VIEW " + quote(table) + " IS " + literal(marker), grants));
    }

    @Override
    public List<DdlStatement> undoRenameTableBehindView(QualifiedName table, String newName) {
        return DdlStatement.inTransaction(List.of("DROP VIEW " + quote(table),
                "ALTER TABLE " + quote(QualifiedName.of(table.schema(), newName)) + " RENAME TO " + quote(table.name())));
    }

    /* PostgreSQL has no max() for uuid: the batch's end is its last key in key order. */
    @Override
    public String nextBatchEnd(QualifiedName table, String key, String keyType, int size) {
        return "SELECT CAST(k AS text) AS batch_end FROM (SELECT " + quote(key) + " AS k FROM " + quote(table) + " WHERE ("
                + after(key, keyType) + ") AND (CAST(? AS text) IS NULL OR " + quote(key) + " <= CAST(CAST(? AS text) AS "
                + keyType + ")) ORDER BY " + quote(key) + " LIMIT " + size + ") b ORDER BY k DESC LIMIT 1";
    }

    @Override
    public String lastKey(QualifiedName table, String key) {
        // Ordered inside, in the key's own type: an outer ORDER BY could name the text column instead.
        return "SELECT CAST(k AS text) AS last_key FROM (SELECT " + quote(key) + " AS k FROM " + quote(table) + " ORDER BY "
                + quote(key) + " DESC LIMIT 1) b";
    }

    @Override
    public String copyBatch(QualifiedName table, String key, String keyType, String target, String source) {
        return "UPDATE " + quote(table) + " SET " + quote(target) + " = " + quote(source) + " WHERE ("
                + after(key, keyType) + ") AND " + quote(key) + " <= CAST(CAST(? AS text) AS " + keyType + ") AND "
                + quote(target) + " IS DISTINCT FROM " + quote(source);
    }

    /* The pre-check has found every value converts unchanged, so the explicit cast (which cuts text) cuts nothing. */
    @Override
    public String castBatch(QualifiedName table, String key, String keyType, String target, String targetType,
                            String source) {
        String converted = "CAST(" + quote(source) + " AS " + targetType + ")";
        return "UPDATE " + quote(table) + " SET " + quote(target) + " = " + converted + " WHERE (" + after(key, keyType)
                + ") AND " + quote(key) + " <= CAST(CAST(? AS text) AS " + keyType + ") AND " + quote(target)
                + " IS DISTINCT FROM " + converted;
    }

    /*
     * PostgreSQL 15 has no pg_input_is_valid: a function of the session's own temporary schema converts
     * each value with PL/pgSQL's assignment (the conversion the sync makes, which refuses what does not
     * fit instead of cutting it) and back, and says whether it came back different or did not convert.
     */
    @Override
    public List<String> countUnconvertible(QualifiedName table, String column, String fromType, String toType) {
        String function = "pg_temp.converge_unconvertible";
        return List.of("CREATE OR REPLACE FUNCTION " + function + "(v " + fromType + ") RETURNS boolean LANGUAGE plpgsql"
                        + " AS $converge$\nDECLARE\n  converted " + toType + ";\n  back " + fromType + ";\nBEGIN\n"
                        + "  converted := v;\n  back := converted;\n  RETURN back IS DISTINCT FROM v;\n"
                        + "EXCEPTION WHEN others THEN\n  RETURN true;\nEND\n$converge$",
                "SELECT count(*) FROM " + quote(table) + " WHERE " + function + "(" + quote(column) + ")",
                "DROP FUNCTION " + function + "(" + fromType + ")");
    }

    /*
     * One transaction: DROP TRIGGER takes the table's ACCESS EXCLUSIVE lock first, so every write waits
     * for the commit and then finds the column under its name, of its new type, with its default and NOT NULL.
     */
    @Override
    public List<DdlStatement> swapColumn(QualifiedName table, String oldColumn, String newColumn, Column desired,
                                         String after) {
        List<String> swap = new java.util.ArrayList<>(DdlStatement.texts(dropColumnSync(table, oldColumn, newColumn)));
        swap.add("ALTER TABLE " + quote(table) + " DROP COLUMN " + quote(oldColumn));
        swap.add("ALTER TABLE " + quote(table) + " RENAME COLUMN " + quote(newColumn) + " TO " + quote(oldColumn));
        if (desired.defaultExpression() != null) {
            swap.add("ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(oldColumn) + " SET DEFAULT "
                    + desired.defaultExpression());
        }
        if (desired.notNull()) {
            swap.add("ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(oldColumn) + " SET NOT NULL");
        }
        return DdlStatement.inTransaction(swap);
    }

    @Override
    public String fillNullsBatch(QualifiedName table, String key, String keyType, String column) {
        return "UPDATE " + quote(table) + " SET " + quote(column) + " = DEFAULT WHERE (" + after(key, keyType) + ") AND "
                + quote(key) + " <= CAST(CAST(? AS text) AS " + keyType + ") AND " + quote(column) + " IS NULL";
    }

    @Override
    public String countRows(QualifiedName table, String key, String keyType) {
        return "SELECT count(*) FROM " + quote(table) + " WHERE " + after(key, keyType);
    }

    @Override
    public List<String> createBackfillTable() {
        return List.of("CREATE SCHEMA IF NOT EXISTS converge",
                "CREATE TABLE IF NOT EXISTS converge.backfills (task text PRIMARY KEY, last_key text,"
                        + " batches bigint NOT NULL, rows_updated bigint NOT NULL, finished boolean NOT NULL,"
                        + " updated_at timestamptz NOT NULL)");
    }

    private static String after(String key, String keyType) {
        return "CAST(? AS text) IS NULL OR " + quote(key) + " > CAST(CAST(? AS text) AS " + keyType + ")";
    }
}
