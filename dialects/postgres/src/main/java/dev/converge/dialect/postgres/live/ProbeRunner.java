package dev.converge.dialect.postgres.live;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

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
 * ProbeRunner runs probes read-only and within a time budget shared by all of them: each query gets
 * the budget that is left as its statement_timeout, and a probe that hits it, or finds the budget
 * spent, is reported as skipped, never as passed. Tables with more estimated rows than the sampling
 * threshold are read through TABLESAMPLE SYSTEM, and the result says it was sampled: a sample can
 * prove a failure, not a success.
 */
record ProbeRunner(Connection connection, ProbeBudget budget) {
    private static final Pattern FROM = Pattern.compile("\\{from(?: AS (\\w+))?\\}");
    private static final String QUERY_CANCELED = "57014";

    /** Runs one probe against a table of about {@code rows} rows (-1: unknown). */
    DataCheck run(Probe probe, long rows) {
        String sampleNote = null;
        String sample = "";
        if (budget.sampled(rows)) {
            double percent = Math.max(0.01, Math.min(100.0, 100.0 * budget.sampleAbove() / rows));
            sample = " TABLESAMPLE SYSTEM (" + String.format(Locale.ROOT, "%.4f", percent) + ")";
            sampleNote = String.format(Locale.ROOT, "sampled about %,d of ~%,d rows", budget.sampleAbove(), rows);
        }
        try {
            String table = quote(probe.table());
            Long count = query(expand(probe.countSql(), table, sample));
            if (count == null) {
                return DataCheck.skipped(probe.what(), "skipped: the time budget for data checks was spent");
            }
            if (count == 0) {
                return DataCheck.passed(probe.what(), sampleNote);
            }
            // The plan shows the query that finds the rows on the whole table, never a row unless asked.
            String find = expand(probe.findSql(), table, "");
            String example = budget.rowValues() ? text(expand(probe.exampleSql(), table, sample)) : null;
            return DataCheck.failed(probe.what(), count, find, example, sampleNote);
        } catch (SQLException e) {
            if (QUERY_CANCELED.equals(e.getSQLState())) {
                return DataCheck.skipped(probe.what(), "skipped: the time budget for data checks ran out");
            }
            return DataCheck.skipped(probe.what(), "skipped: the probe failed: " + e.getMessage());
        }
    }

    /**
     * Replaces each placeholder with the quoted table, its alias, then the sample clause: FROM t AS a
     * TABLESAMPLE SYSTEM (p). (A quoted name may hold spaces, so nothing here splits the name.)
     */
    static String expand(String template, String quotedTable, String sample) {
        Matcher m = FROM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String alias = m.group(1);
            String replacement = quotedTable + (alias == null ? "" : " AS " + alias) + sample;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The count, or null when no budget is left. */
    private Long query(String sql) throws SQLException {
        String value = scalar(sql);
        return value == null ? null : Long.parseLong(value);
    }

    private String text(String sql) throws SQLException {
        String value = scalar(sql);
        return value == null || value.isEmpty() ? null : value.replace('\n', ' ');
    }

    /** Runs a one-value query in a read-only transaction with the budget left as its timeout. */
    private String scalar(String sql) throws SQLException {
        long left = budget.millisLeft();
        if (left <= 0) {
            return null;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION READ ONLY");
            st.execute("SET LOCAL statement_timeout = " + left);
            try (ResultSet rs = st.executeQuery(sql)) {
                return rs.next() ? (rs.getString(1) == null ? "" : rs.getString(1)) : "";
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }
}
