package dev.converge.dialect.postgres.parse;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.source.SqlStatement;
import dev.converge.engine.spi.DesiredLoader;
import dev.converge.grammar.support.CreatedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * PostgresDesiredLoader runs the desired-state statements of all files in an empty shadow database,
 * one at a time with autocommit on, so that a statement may refer to an object a later file
 * declares: statements are first ordered by {@link LoadPhase} (file order within a phase), and a
 * statement that fails is retried in a later pass for as long as passes make progress. What still
 * fails becomes one {@link BadInputException}, each error at the file:line:col the server points at.
 */
public final class PostgresDesiredLoader implements DesiredLoader {
    @Override
    public void load(Connection shadow, List<SqlStatement> statements) {
        List<SqlStatement> ordered = order(statements);
        List<LoadFailure> failures;
        boolean autoCommit = true;
        try {
            autoCommit = shadow.getAutoCommit();
            // Autocommit: a shadow is throwaway, each statement stands alone (so one failure does not
            // abort the others), and CREATE INDEX CONCURRENTLY refuses to run inside a transaction.
            shadow.setAutoCommit(true);
            failures = runPasses(shadow, ordered);
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR,
                    "cannot load the desired state into the shadow database: " + e.getMessage(), e);
        } finally {
            closeOpenTransaction(shadow);
            restoreAutoCommit(shadow, autoCommit);
        }
        if (!failures.isEmpty()) {
            throw new BadInputException(explainCascades(failures).stream().map(LoadFailure::diagnostic).toList());
        }
    }

    /*
     * A statement that fails because another failed statement would have created what it needs
     * (a view over a table whose column type is misspelled) is not fixed by creating the object:
     * say so, and where, instead of "no desired-state file creates it".
     */
    static List<LoadFailure> explainCascades(List<LoadFailure> failures) {
        Map<String, LoadFailure> declaredByFailed = new HashMap<>();
        for (LoadFailure failure : failures) {
            CreatedName.of(failure.statement().sql()).ifPresent(name -> declaredByFailed.putIfAbsent(name, failure));
        }
        List<LoadFailure> explained = new ArrayList<>();
        for (LoadFailure failure : failures) {
            LoadFailure declarer = failure.missingName().map(declaredByFailed::get).orElse(null);
            explained.add(declarer == null || declarer == failure ? failure
                    : failure.withHint("it is declared at " + declarer.statement().span()
                            + ", which failed too; fix that first"));
        }
        return explained;
    }

    /** Statements by phase, then in the order given (file order); transaction control is dropped. */
    static List<SqlStatement> order(List<SqlStatement> statements) {
        List<Indexed> indexed = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            LoadPhase phase = LoadPhase.of(statements.get(i).sql());
            if (phase != LoadPhase.SKIPPED) {
                indexed.add(new Indexed(statements.get(i), phase, i));
            }
        }
        indexed.sort(Comparator.comparing(Indexed::phase).thenComparingInt(Indexed::index));
        return indexed.stream().map(Indexed::statement).toList();
    }

    private record Indexed(SqlStatement statement, LoadPhase phase, int index) {
    }

    /** Runs passes over the pending statements while a pass makes progress; returns what never ran. */
    private static List<LoadFailure> runPasses(Connection shadow, List<SqlStatement> ordered) throws SQLException {
        List<LoadFailure> finalFailures = new ArrayList<>();
        List<SqlStatement> pending = ordered;
        while (true) {
            List<LoadFailure> retryable = new ArrayList<>();
            int failed = 0;
            for (SqlStatement statement : pending) {
                LoadFailure failure = execute(shadow, statement);
                if (failure == null) {
                    continue;
                }
                failed++;
                (failure.mayPassLater() ? retryable : finalFailures).add(failure);
            }
            boolean progress = failed < pending.size();
            if (retryable.isEmpty() || !progress) {
                finalFailures.addAll(retryable);
                return finalFailures;
            }
            pending = retryable.stream().map(LoadFailure::statement).toList();
        }
    }

    /** Runs one statement; a server error about the statement is returned, anything else thrown. */
    private static LoadFailure execute(Connection shadow, SqlStatement statement) throws SQLException {
        try (Statement st = shadow.createStatement()) {
            // No JDBC escape processing: {fn ...} or {d '...'} in the SQL must reach the server as written.
            st.setEscapeProcessing(false);
            st.execute(statement.sql());
            return null;
        } catch (SQLException e) {
            if (!LoadFailure.isAboutTheStatement(e)) {
                throw e;
            }
            closeOpenTransaction(shadow);
            return LoadFailure.of(statement, e);
        }
    }

    /*
     * Autocommit mode leaves no transaction open unless the SQL opened one itself (BEGIN is skipped,
     * but a procedure or an odd statement might); the server reports the state after each command.
     */
    private static void closeOpenTransaction(Connection shadow) {
        try {
            if (shadow.isClosed()) {
                return;
            }
            BaseConnection pg = shadow.unwrap(BaseConnection.class);
            if (pg.getTransactionState() != TransactionState.IDLE) {
                try (Statement st = shadow.createStatement()) {
                    st.execute("ROLLBACK");
                }
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR,
                    "cannot end the transaction on the shadow database: " + e.getMessage(), e);
        }
    }

    private static void restoreAutoCommit(Connection shadow, boolean autoCommit) {
        try {
            if (!shadow.isClosed() && shadow.getAutoCommit() != autoCommit) {
                shadow.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR,
                    "cannot restore autocommit on the shadow database: " + e.getMessage(), e);
        }
    }
}
