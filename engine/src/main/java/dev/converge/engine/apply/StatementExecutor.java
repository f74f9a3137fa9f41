package dev.converge.engine.apply;

import dev.converge.engine.plan.DdlStatement;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * StatementExecutor runs one statement of a plan: every statement an apply runs (steps and their
 * inverses) goes through it, so timeouts and retries can be added in one place.
 */
@FunctionalInterface
public interface StatementExecutor {
    void execute(Connection connection, DdlStatement statement, ApplyInterrupt interrupt) throws SQLException;

    /** Runs the statement as it is, cancellable by the interrupt. */
    StatementExecutor PLAIN = (connection, statement, interrupt) -> {
        try (java.sql.Statement st = connection.createStatement()) {
            interrupt.running(st);
            try {
                st.execute(statement.sql());
            } finally {
                interrupt.running(null);
            }
        }
    };
}
