package dev.converge.cli;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * PgDatabase is one database of a PostgreSQL server a real-world test builds and checks: a database
 * of the local server (a {@link LocalPostgres}) or one created on an embedded server of another
 * major, so that the same checks run on both.
 *
 * @param host     the server's host
 * @param port     its port
 * @param user     the user
 * @param password the password, or null
 * @param database the database
 */
record PgDatabase(String host, int port, String user, String password, String database) {
    static PgDatabase of(LocalPostgres db) {
        return new PgDatabase(LocalPostgres.HOST, LocalPostgres.PORT, LocalPostgres.USER, LocalPostgres.PASSWORD,
                db.database());
    }

    /** The CLI's documented URL form. */
    String url() {
        return "postgresql://" + user + (password == null ? "" : ":" + password) + "@" + host + ":" + port + "/"
                + database;
    }

    Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, props);
    }

    /** The first column of the first row of a query, as text. */
    String value(String query) {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        // never the password
        return database + " on " + host + ":" + port;
    }
}
