package dev.converge.dialect.mysql.history;

import dev.converge.engine.spi.FunctionApplyLock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * MysqlApplyLock is a named user lock (GET_LOCK) per database and scope. Like PostgreSQL's advisory
 * lock it belongs to the session, so it goes away with a killed apply. Names are server-wide, so the
 * database is part of the name (hashed: names are limited to 64 characters).
 */
public final class MysqlApplyLock extends FunctionApplyLock<String> {
    public MysqlApplyLock() {
        // GET_LOCK answers 1 when taken, 0 when another session holds it, NULL on an error
        super("SELECT GET_LOCK(?, 0)", "SELECT RELEASE_LOCK(?)");
    }

    @Override
    protected String holder(Connection connection, String name) throws SQLException {
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

    /** Names are server-wide, so the database is part of the name. */
    @Override
    protected String key(Connection connection, String scope) throws SQLException {
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
