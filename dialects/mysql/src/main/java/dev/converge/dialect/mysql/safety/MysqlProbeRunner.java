package dev.converge.dialect.mysql.safety;

import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import dev.converge.dialect.mysql.connect.ServerFlavor;
import dev.converge.engine.safety.DataCheck;
import dev.converge.engine.safety.Probe;
import dev.converge.engine.safety.ProbeBudget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MysqlProbeRunner runs probes read-only (a READ ONLY transaction, rolled back) within a time budget
 * shared by all of them: each query gets the budget that is left as its own limit, MariaDB's
 * {@code SET STATEMENT max_statement_time = s FOR ...} or MySQL's {@code MAX_EXECUTION_TIME(ms)} hint
 * (https://mariadb.com/kb/en/aborting-statements/,
 * https://dev.mysql.com/doc/refman/8.0/en/optimizer-hints.html#optimizer-hints-execution-time). A probe
 * that hits it, or finds the budget spent, is skipped, never passed. MySQL has no TABLESAMPLE: a table
 * with more estimated rows than the threshold is probed on its first rows in primary-key order, and
 * the result says so: a sample can prove a failure, not a success.
 */
record MysqlProbeRunner(Connection connection, ServerFlavor flavor, ProbeBudget budget) {
    private static final Pattern FROM = Pattern.compile("\\{from(?: AS (\\w+))?\\}");
    /** MariaDB ER_STATEMENT_TIMEOUT, MySQL ER_QUERY_TIMEOUT, and ER_QUERY_INTERRUPTED. */
    private static final int[] TIMEOUTS = {1969, 3024, 1317};

    /** Runs one probe against a table of about {@code rows} rows (-1: unknown). */
    DataCheck run(Probe probe, long rows) {
        boolean sampled = budget.sampled(rows);
        String sampleNote = sampled ? String.format(Locale.ROOT, "sampled the first %,d of ~%,d rows", budget.sampleAbove(),
                rows) : null;
        try {
            String count = scalar(expand(probe.countSql(), probe, sampled));
            if (count == null) {
                return DataCheck.skipped(probe.what(), "skipped: the time budget for data checks was spent");
            }
            long offending = Long.parseLong(count);
            if (offending == 0) {
                return DataCheck.passed(probe.what(), sampleNote);
            }
            // The plan shows the query that finds the rows on the whole table, never a row unless asked.
            String find = expand(probe.findSql(), probe, false);
            String example = budget.rowValues() ? scalar(expand(probe.exampleSql(), probe, sampled)) : null;
            return DataCheck.failed(probe.what(), offending, find,
                    example == null || example.isEmpty() ? null : example.replace('\n', ' '), sampleNote);
        } catch (SQLException e) {
            for (int code : TIMEOUTS) {
                if (e.getErrorCode() == code) {
                    return DataCheck.skipped(probe.what(), "skipped: the time budget for data checks ran out");
                }
            }
            return DataCheck.skipped(probe.what(), "skipped: the probe failed: " + e.getMessage());
        }
    }

    /** The table, or a derived table of its first rows when sampled; the alias goes after either. */
    private String expand(String template, Probe probe, boolean sampled) {
        String table = quote(probe.table().name());
        Matcher m = FROM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String alias = m.group(1) == null ? "probed" : m.group(1);
            String from = sampled ? "(SELECT * FROM " + table + " LIMIT " + budget.sampleAbove() + ") AS " + alias
                    : table + " AS " + alias;
            m.appendReplacement(out, Matcher.quoteReplacement(from));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Runs a one-value query in a read-only transaction, limited to the budget left; null when none is left. */
    private String scalar(String select) throws SQLException {
        long left = budget.millisLeft();
        if (left <= 0) {
            return null;
        }
        String limited = flavor.mariadb()
                ? "SET STATEMENT max_statement_time = " + String.format(Locale.ROOT, "%.3f", left / 1000.0) + " FOR "
                        + select
                : select.replaceFirst("^SELECT ", "SELECT /*+ MAX_EXECUTION_TIME(" + left + ") */ ");
        boolean autoCommit = connection.getAutoCommit();
        try (Statement st = connection.createStatement()) {
            connection.setAutoCommit(false);
            st.execute("SET TRANSACTION READ ONLY");
            // execute, not executeQuery: the driver refuses SET STATEMENT ... FOR SELECT in executeQuery.
            st.execute(limited);
            try (ResultSet rs = st.getResultSet()) {
                return rs.next() ? (rs.getString(1) == null ? "" : rs.getString(1)) : "";
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }
}
