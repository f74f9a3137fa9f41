package dev.converge.dialect.postgres.parse;

import dev.converge.engine.source.SqlStatement;
import dev.converge.grammar.support.LeadingWords;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * LoadBatches sends runs of ordinary DDL to the shadow as one multi-statement string: one round trip
 * and one commit for up to {@link #SIZE} statements, where one statement at a time costs a round trip
 * and a commit (a WAL flush) each. In autocommit mode the server runs such a string as one implicit
 * transaction, so a batch lands whole or not at all; when it fails, the loader runs the same
 * statements again one at a time from the same point, which finds the failing one and reports it
 * as before (file:line:col), or sets it aside to retry later. Only statements that may run inside a
 * transaction block are batched; anything else runs on its own.
 */
final class LoadBatches {
    /** Statements per batch: large enough to amortise the round trip, small enough that a failed batch costs little. */
    static final int SIZE = 200;

    private static final Set<String> BATCHABLE = Set.of("CREATE", "ALTER", "COMMENT", "GRANT", "REVOKE", "SET");

    /**
     * Words that mark statements PostgreSQL refuses inside a transaction block (CREATE INDEX
     * CONCURRENTLY, CREATE DATABASE, ALTER SYSTEM, CREATE TABLESPACE, CREATE SUBSCRIPTION) or that
     * control transactions; matched anywhere in the text, so an identifier with such a name only
     * costs its statement the batch.
     */
    private static final Pattern OUTSIDE_A_TRANSACTION = Pattern.compile(
            "(?i)\\b(concurrently|database|system|tablespace|subscription|transaction|commit|rollback|savepoint)\\b");

    private LoadBatches() {
    }

    /** True when the statement may go in a batch. */
    static boolean batchable(SqlStatement statement) {
        List<String> first = LeadingWords.of(statement.sql(), 1);
        return !first.isEmpty() && BATCHABLE.contains(first.get(0).toUpperCase(Locale.ROOT))
                && !OUTSIDE_A_TRANSACTION.matcher(statement.sql()).find();
    }

    /** The end (exclusive) of the run of batchable statements from {@code from}, at most {@link #SIZE} long. */
    static int end(List<SqlStatement> statements, int from) {
        int end = from;
        while (end < statements.size() && end - from < SIZE && batchable(statements.get(end))) {
            end++;
        }
        return end;
    }

    /**
     * Runs the statements as one string; false when the server refused it (nothing of it is left:
     * the implicit transaction rolled back). Errors that are not about the SQL are thrown.
     */
    static boolean run(Connection shadow, List<SqlStatement> batch) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (SqlStatement statement : batch) {
            // A newline first: a statement may end in a line comment, which would swallow the semicolon.
            sql.append(statement.sql()).append("\n;\n");
        }
        try (Statement st = shadow.createStatement()) {
            st.setEscapeProcessing(false);
            st.execute(sql.toString());
            return true;
        } catch (SQLException e) {
            if (!LoadFailure.isAboutTheStatement(e)) {
                throw e;
            }
            return false;
        }
    }
}
