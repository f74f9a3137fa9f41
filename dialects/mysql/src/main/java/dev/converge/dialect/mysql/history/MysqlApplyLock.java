package dev.converge.dialect.mysql.history;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.ApplyLock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * MysqlApplyLock is a named user lock (GET_LOCK) per database and scope. It belongs to the applying
 * session: released when the apply ends, and by the server when the session dies, so a killed apply
 * never leaves the target locked. Lock names are server-wide (at most 64 characters), so the name
 * is a hash of the database and the scope.
 */
public final class MysqlApplyLock implements ApplyLock {
    @Override
    public Held acquire(Connection connection, String scope, Duration wait) throws SQLException {
        String name = name(connection, scope);
        long seconds = Math.max(0, (wait.toMillis() + 999) / 1000);
        try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            ps.setString(1, name);
            ps.setLong(2, seconds);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) != 1) {
                    throw new ConvergeException(ErrorKind.ERROR, "another apply holds the lock on this target (scope "
                            + scope + ")" + holder(connection, name) + "; waited " + wait.toMillis()
                            + " ms (--lock-wait).\nNothing was changed. Wait for it to finish, or pass a longer --lock-wait.");
                }
            }
        }
        return () -> release(connection, name);
    }

    private static void release(Connection connection, String name) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, name);
            ps.execute();
        } catch (SQLException ignored) {
            // The session is gone, and its locks with it.
        }
    }

    private static String holder(Connection connection, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT p.ID, p.USER, p.HOST, p.TIME FROM"
                + " information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "";
                }
                return ": held by connection " + rs.getLong(1) + " (user " + rs.getString(2) + " from "
                        + rs.getString(3) + ", in its current state for " + rs.getLong(4) + " s)";
            }
        }
    }

    static String name(Connection connection, String scope) throws SQLException {
        String database;
        try (PreparedStatement ps = connection.prepareStatement("SELECT DATABASE()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            database = rs.getString(1);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((database + "\u0000" + scope).getBytes(StandardCharsets.UTF_8));
            return "converge:" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
