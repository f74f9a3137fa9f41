package dev.converge.dialect.mysql.parse;

import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.source.SqlStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MissingReferencedTables finds the foreign keys of the loaded shadow whose referenced table no
 * desired file creates. The shadow loads with foreign-key checks off, under which MySQL accepts such
 * a key without a word; the apply, which runs with checks on, would fail on it halfway through. Each
 * is reported at the REFERENCES clause that names the missing table, so the plan stops there (exit 65).
 * Keys to tables of another database are not the desired files' business and are left alone.
 */
final class MissingReferencedTables {
    private static final String QUERY = "SELECT r.TABLE_NAME, r.CONSTRAINT_NAME, r.REFERENCED_TABLE_NAME"
            + " FROM information_schema.REFERENTIAL_CONSTRAINTS r"
            + " WHERE r.CONSTRAINT_SCHEMA = DATABASE() AND r.UNIQUE_CONSTRAINT_SCHEMA = DATABASE()"
            + " AND NOT EXISTS (SELECT 1 FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = DATABASE()"
            + " AND t.TABLE_NAME = r.REFERENCED_TABLE_NAME) ORDER BY r.TABLE_NAME, r.CONSTRAINT_NAME";

    /** One missing table, at the statement that references it. */
    record Missing(SqlStatement statement, Diagnostic diagnostic) {
    }

    private MissingReferencedTables() {
    }

    static List<Missing> find(Connection shadow, List<SqlStatement> statements) throws SQLException {
        List<Missing> missing = new ArrayList<>();
        try (Statement st = shadow.createStatement(); ResultSet rs = st.executeQuery(QUERY)) {
            while (rs.next()) {
                missing.add(missing(statements, rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return missing;
    }

    private static Missing missing(List<SqlStatement> statements, String table, String key, String referenced) {
        String message = "foreign key " + quote(key) + " of table " + quote(table) + " references table "
                + quote(referenced) + ", which no desired file creates";
        String hint = "create table " + quote(referenced) + " in the desired files, or correct the REFERENCES"
                + " clause; nothing was applied to the target";
        Pattern references = Pattern.compile("(?i)\\bREFERENCES\\s+(?:(?:`[^`]*`|\\w+)\\s*\\.\\s*)?(?:`"
                + Pattern.quote(referenced.replace("`", "``")) + "`|" + Pattern.quote(referenced) + "\\b)");
        SqlStatement fallback = null;
        for (SqlStatement statement : statements) {
            Matcher m = references.matcher(statement.sql());
            if (m.find()) {
                if (mentions(statement.sql(), table)) {
                    return new Missing(statement, statement.diagnosticAt(m.start(), message, hint));
                }
                if (fallback == null) {
                    fallback = statement;
                }
            }
        }
        SqlStatement at = fallback != null ? fallback : statements.get(0);
        Matcher m = references.matcher(at.sql());
        return new Missing(at, at.diagnosticAt(m.find() ? m.start() : 0, message, hint));
    }

    /** True when the statement names the table (the CREATE or ALTER TABLE that holds the key). */
    private static boolean mentions(String sql, String table) {
        return Pattern.compile("(?i)(?:`" + Pattern.quote(table.replace("`", "``")) + "`|\\b" + Pattern.quote(table)
                + "\\b)").matcher(sql).find();
    }
}
