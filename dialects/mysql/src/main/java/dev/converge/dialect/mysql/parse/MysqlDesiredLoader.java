package dev.converge.dialect.mysql.parse;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.source.SqlStatement;
import dev.converge.engine.spi.DesiredLoader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MysqlDesiredLoader runs the desired statements in the shadow database in file order, each on its
 * own (DDL commits implicitly anyway). Foreign-key checks are off for the session, so a table may
 * reference one a later file creates; a statement that fails for another reason (a view over a view
 * declared later) is retried in further passes while passes make progress. What still fails is
 * reported as bad input at file:line:col, nothing is applied to the target.
 */
public final class MysqlDesiredLoader implements DesiredLoader {
    /** "... near 'xyz' at line 3" in MySQL's syntax errors. */
    private static final Pattern AT_LINE = Pattern.compile("at line (\\d+)\\s*$");

    /** Declarations and {@code converge:} annotations, read without a database (see {@link MysqlSourceReader}). */
    @Override
    public SourceModel parse(List<SqlStatement> statements) {
        return new MysqlSourceReader().read(statements);
    }

    @Override
    public void load(Connection shadow, List<SqlStatement> statements) {
        List<SqlStatement> pending = statements.stream().filter(s -> !skipped(s.sql())).toList();
        List<Failure> failures;
        try {
            shadow.setAutoCommit(true);
            try (Statement st = shadow.createStatement()) {
                st.execute("SET SESSION foreign_key_checks = 0");
            }
            while (true) {
                failures = new ArrayList<>();
                for (SqlStatement statement : pending) {
                    Failure failure = execute(shadow, statement);
                    if (failure != null) {
                        failures.add(failure);
                    }
                }
                if (failures.isEmpty() || failures.size() == pending.size()) {
                    break;
                }
                pending = failures.stream().map(Failure::statement).toList();
            }
            try (Statement st = shadow.createStatement()) {
                st.execute("SET SESSION foreign_key_checks = 1");
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR,
                    "cannot load the desired state into the shadow database: " + e.getMessage(), e);
        }
        if (!failures.isEmpty()) {
            throw new BadInputException(failures.stream().map(Failure::diagnostic).toList());
        }
    }

    /** Session and transaction statements shape nothing in a schema: they are not run. */
    static boolean skipped(String sql) {
        String head = sql.stripLeading().toUpperCase(Locale.ROOT);
        return head.startsWith("USE ") || head.startsWith("SET ") || head.startsWith("START TRANSACTION")
                || head.equals("BEGIN") || head.equals("COMMIT") || head.equals("ROLLBACK")
                || head.startsWith("LOCK TABLES") || head.startsWith("UNLOCK TABLES");
    }

    private static Failure execute(Connection shadow, SqlStatement statement) throws SQLException {
        try (Statement st = shadow.createStatement()) {
            st.setEscapeProcessing(false);
            st.execute(statement.sql());
            return null;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw e;
            }
            return new Failure(statement, e);
        }
    }

    private record Failure(SqlStatement statement, SQLException error) {
        Diagnostic diagnostic() {
            String message = error.getMessage() == null ? error.toString() : error.getMessage();
            int offset = 0;
            Matcher m = AT_LINE.matcher(message);
            if (m.find()) {
                offset = offsetOfLine(statement.sql(), Integer.parseInt(m.group(1)));
            }
            return statement.diagnosticAt(offset, "the server rejected this statement: " + message,
                    "fix the statement; nothing was applied to the target");
        }

        private static int offsetOfLine(String sql, int line) {
            int offset = 0;
            for (int i = 1; i < line; i++) {
                int next = sql.indexOf('\n', offset);
                if (next < 0) {
                    return offset;
                }
                offset = next + 1;
            }
            return offset;
        }
    }
}
