package dev.converge.engine.spi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * FunctionApplyLock is an apply lock the server takes and releases through two functions of the lock's
 * key (PostgreSQL's advisory locks, MySQL's named locks): one that takes it without waiting and says
 * whether it now holds it, one that releases it. The dialect names the two queries, the key and the
 * holder.
 *
 * @param <K> what identifies the lock on the server, bound as the queries' one parameter
 */
public abstract class FunctionApplyLock<K> extends PollingApplyLock<K> {
    private final String tryLock;
    private final String release;

    /**
     * @param tryLock a query of one parameter, the key, whose single value is true (or 1) when the lock
     *                is now held by this session
     * @param release a statement of one parameter, the key, that releases it
     */
    protected FunctionApplyLock(String tryLock, String release) {
        this.tryLock = tryLock;
        this.release = release;
    }

    @Override
    protected final boolean tryLock(Connection connection, K key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(tryLock)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    @Override
    protected final void release(Connection connection, K key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(release)) {
            ps.setObject(1, key);
            ps.execute();
        }
    }
}
