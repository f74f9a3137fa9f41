package dev.converge.dialect.postgres.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * LocalPostgres gives each test a fresh, uniquely named database on the local PostgreSQL server
 * (PGHOST/PGPORT/PGUSER/PGPASSWORD, default 127.0.0.1:5432 postgres), dropped when closed. Tests in
 * parallel never share a database.
 */
public final class LocalPostgres implements AutoCloseable {
    public static final String HOST = env("PGHOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("PGPORT", "5432"));
    public static final String USER = env("PGUSER", "postgres");
    public static final String PASSWORD = System.getenv("PGPASSWORD");

    private final String database;

    private LocalPostgres(String database) {
        this.database = database;
    }

    /** Creates a fresh empty database named {@code cvt_<prefix>_<random>}. */
    public static LocalPostgres create(String prefix) {
        String name = ("cvt_" + prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10))
                .toLowerCase(java.util.Locale.ROOT);
        try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + HOST + ":" + PORT, e);
        }
        return new LocalPostgres(name);
    }

    public String database() {
        return database;
    }

    /** JDBC URL with the user in the query string (as the corpus harness passes it). */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database + "?user=" + USER
                + (PASSWORD == null ? "" : "&password=" + PASSWORD);
    }

    public Connection connect() {
        try {
            return connect(database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + database, e);
        }
    }

    /** Runs a script (several statements separated by semicolons) in one go. */
    public void execute(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("script failed on " + database + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + database, e);
        }
    }

    /** The first column of the first row of {@code query}, as text: the one value (a count, a setting) a test checks. */
    public String value(String query) {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(query + " failed on " + database + ": " + e.getMessage(), e);
        }
    }

    /** Whether the server has a database of that name (a shadow a test expects made or dropped). */
    public static boolean databaseExists(String name) {
        try (Connection admin = admin();
             PreparedStatement ps = admin.prepareStatement("SELECT 1 FROM pg_catalog.pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look for database " + name + " on " + HOST + ":" + PORT, e);
        }
    }

    /** A connection to the server's maintenance database, for cluster-wide objects (roles). */
    public static Connection admin() throws SQLException {
        return connect("postgres");
    }

    private static Connection connect(String db) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        if (PASSWORD != null) {
            props.setProperty("password", PASSWORD);
        }
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + db, props);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
