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
 * MysqlApplyLock is a named user lock (GET_LOCK) per database and scope. Like PostgreSQL's advisory
 * lock it belongs to the session, so it goes away with a killed apply. Names are server-wide, so the
 * database is part of the name (hashed: names are limited to 64 characters).
 */
public final class MysqlApplyLock implements ApplyLock {
    private static final long POLL_MILLIS = 100;

    @Override
    public Held acquire(Connection connection, String scope, Duration wait) throws SQLException {
        String name = name(connection, scope);
        long deadline = System.nanoTime() + wait.toNanos();
        while (!tryLock(connection, name)) {
            if (System.nanoTime() >= deadline) {
                throw new ConvergeException(ErrorKind.ERROR, "another apply holds the lock on this target (scope "
                        + scope + ")" + holder(connection, name) + "; waited " + wait.toMillis() + " ms (--lock-wait)."
                        + "\nNothing was changed. Wait for it to finish, or pass a longer --lock-wait.");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConvergeException(ErrorKind.ERROR, "interrupted while waiting for the apply lock; nothing was changed");
            }
        }
        return () -> release(connection, name);
    }

    private static boolean tryLock(Connection connection, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
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
        try (PreparedStatement ps = connection.prepareStatement("SELECT p.ID, p.USER, p.HOST, p.TIME"
                + " FROM information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "";
                }
                return ": held by connection " + rs.getLong(1) + " (user " + rs.getString(2) + ", from "
                        + rs.getString(3) + ", in its current state for " + rs.getLong(4) + " s)";
            }
        }
    }

    private static String name(Connection connection, String scope) throws SQLException {
        String database;
        try (PreparedStatement ps = connection.prepareStatement("SELECT DATABASE()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            database = rs.getString(1);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((database + "\0" + scope).getBytes(StandardCharsets.UTF_8));
            return "converge-apply-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
