package dev.converge.engine.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * ApplyLock keeps two applies off the same target and scope at once: a lock held by the applying
 * session (so it goes away with the session, whatever happens to the process).
 */
public interface ApplyLock {
    /** No lock at all, for dialects that have none yet. */
    ApplyLock NONE = (connection, scope, wait) -> () -> { };

    /**
     * Takes the lock for {@code scope} on the connection's database, waiting up to {@code wait}; when
     * another session keeps it that long, fails with a {@link dev.converge.engine.diag.ConvergeException}
     * that says who holds it and since when.
     */
    Held acquire(Connection connection, String scope, Duration wait) throws SQLException;

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
