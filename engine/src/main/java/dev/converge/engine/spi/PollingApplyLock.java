package dev.converge.engine.spi;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * PollingApplyLock is the waiting half of every dialect's apply lock: it tries a non-blocking,
 * session-level lock every 100 ms until the wait runs out, then fails naming the holder. Polling
 * rather than a blocking lock call keeps the wait interruptible and the same on every server.
 *
 * @param <K> what identifies the lock on the server (an advisory key, a lock name)
 */
public abstract class PollingApplyLock<K> implements ApplyLock {
    private static final long POLL_MILLIS = 100;

    @Override
    public final Held acquire(Connection connection, String scope, Duration wait) throws SQLException {
        K key = key(connection, scope);
        long deadline = System.nanoTime() + wait.toNanos();
        while (!tryLock(connection, key)) {
            if (System.nanoTime() >= deadline) {
                throw new ConvergeException(ErrorKind.ERROR, "another apply holds the lock on this target (scope "
                        + scope + ")" + holder(connection, key) + "; waited " + wait.toMillis() + " ms (--lock-wait)."
                        + "\nNothing was changed. Wait for it to finish, or pass a longer --lock-wait.");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConvergeException(ErrorKind.ERROR, "interrupted while waiting for the apply lock; nothing was changed");
            }
        }
        return () -> {
            try {
                release(connection, key);
            } catch (SQLException ignored) {
                // The session is gone, and its locks with it.
            }
        };
    }

    /** The lock's identity for this scope on the connection's database; may prepare the session. */
    protected abstract K key(Connection connection, String scope) throws SQLException;

    /** Takes the lock without waiting; true when it is now held by this session. */
    protected abstract boolean tryLock(Connection connection, K key) throws SQLException;

    protected abstract void release(Connection connection, K key) throws SQLException;

    /** ": held by ..." naming the session that holds the lock, or "" when it cannot be told. */
    protected abstract String holder(Connection connection, K key) throws SQLException;
}
