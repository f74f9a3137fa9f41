package dev.converge.engine.apply;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * ApplyInterrupt is how a signal reaches a running apply: {@link #request()} (from a shutdown hook)
 * sets a flag the applier checks between statements, and cancels the statement running now, so the
 * apply stops at the next safe point, rolls back its open group and records where it stopped.
 */
public final class ApplyInterrupt {
    private volatile boolean requested;
    private volatile Statement running;

    public void request() {
        requested = true;
        Statement statement = running;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // The statement finished meanwhile; the flag stops the apply before the next one.
            }
        }
    }

    public boolean requested() {
        return requested;
    }

    /** The statement running now (null between statements), so that a request can cancel it. */
    void running(Statement statement) {
        running = statement;
    }
}
