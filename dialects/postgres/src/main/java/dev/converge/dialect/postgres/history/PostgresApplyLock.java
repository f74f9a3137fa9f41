package dev.converge.dialect.postgres.history;

import dev.converge.engine.spi.FunctionApplyLock;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;

/**
 * PostgresApplyLock is a session-level advisory lock per database and scope: it is released when the
 * apply ends, and also when its session dies, so a killed apply never leaves the target locked. The
 * key is derived from the scope; the database is part of every advisory lock already.
 */
public final class PostgresApplyLock extends FunctionApplyLock<Long> {
    /** The name an applying session shows in pg_stat_activity, and so in the lock holder's report. */
    public static final String APPLICATION_NAME = "converge apply";

    public PostgresApplyLock() {
        super("SELECT pg_try_advisory_lock(?)", "SELECT pg_advisory_unlock(?)");
    }

    /** The advisory key of the scope; names the session first, so that a waiting apply can tell who holds it. */
    @Override
    protected Long key(Connection connection, String scope) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET application_name = '" + APPLICATION_NAME + "'");
        }
        return key(scope);
    }

    /** Who holds the lock: pid, user, application, since when (its session started, its query began). */
    @Override
    protected String holder(Connection connection, Long key) throws SQLException {
        // A bigint key shows in pg_locks as classid (high half), objid (low half), objsubid 1.
        try (PreparedStatement ps = connection.prepareStatement("SELECT a.pid, a.usename, a.application_name,"
                + " a.client_addr::text, a.backend_start, a.xact_start FROM pg_locks l JOIN pg_stat_activity a"
                + " ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND l.classid::bigint = ? AND l.objid::bigint = ?")) {
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "";
                }
                OffsetDateTime since = rs.getObject(5, OffsetDateTime.class);
                return ": held by server process " + rs.getInt(1) + " (user " + rs.getString(2) + ", application '"
                        + rs.getString(3) + "'" + (rs.getString(4) == null ? "" : ", from " + rs.getString(4))
                        + ", connected since " + since + ")";
            }
        }
    }

    static long key(String scope) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("converge apply " + scope).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
