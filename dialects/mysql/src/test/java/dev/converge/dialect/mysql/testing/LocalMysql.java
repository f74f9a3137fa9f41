package dev.converge.dialect.mysql.testing;

import dev.converge.dialect.mysql.MysqlDialect;
import dev.converge.engine.spi.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * LocalMysql gives each test a fresh, uniquely named database on the local MariaDB/MySQL server
 * (MYSQL_HOST/MYSQL_PORT/MYSQL_USER/MYSQL_PASSWORD, default 127.0.0.1:3306 root), dropped on close,
 * so tests running in parallel never share a database.
 */
public final class LocalMysql implements AutoCloseable {
    public static final String HOST = env("MYSQL_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("MYSQL_PORT", "3306"));
    public static final String USER = env("MYSQL_USER", "root");
    public static final String PASSWORD = System.getenv("MYSQL_PASSWORD");

    private static final MysqlDialect DIALECT = new MysqlDialect();

    /** A server test databases are created on: the local one, or a container (MySQL 8). */
    public record Server(String host, int port, String user, String password) {
        public static final Server LOCAL = new Server(HOST, PORT, USER, PASSWORD);
    }

    private final Server server;
    private final String database;

    private LocalMysql(Server server, String database) {
        this.server = server;
        this.database = database;
    }

    public static LocalMysql create(String prefix) {
        return create(Server.LOCAL, prefix);
    }

    /** A fresh database on {@code server}. */
    public static LocalMysql create(Server server, String prefix) {
        String name = ("cvt_" + prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10))
                .toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(serverUrl(server, ""), server.user(), server.password());
             Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + server.host() + ":"
                    + server.port(), e);
        }
        return new LocalMysql(server, name);
    }

    private static String serverUrl(Server server, String database) {
        return "jdbc:mysql://" + server.host() + ":" + server.port() + "/" + database
                + "?useSSL=false&allowPublicKeyRetrieval=true";
    }

    public String database() {
        return database;
    }

    /** The URL as a user would write it (the password, if any, in the query string). */
    public String jdbcUrl() {
        return "jdbc:mysql://" + server.host() + ":" + server.port() + "/" + database + "?user=" + server.user()
                + (server.password() == null ? "" : "&password=" + server.password());
    }

    public DatabaseUrl url() {
        return DIALECT.parseUrl(jdbcUrl());
    }

    public Connection connect() {
        return DIALECT.connect(url());
    }

    /** Runs statements one by one (split by the dialect's splitter). */
    public void execute(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (var statement : DIALECT.splitter().split(new dev.converge.engine.source.SourceFile("inline.sql", sql))) {
                st.execute(statement.sql());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run SQL on " + database + ": " + e.getMessage(), e);
        }
    }

    /** The first column of every row {@code query} returns, in the order it returns them. */
    public List<String> firstColumn(String query) {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + database + ": " + e.getMessage(), e);
        }
        return values;
    }

    /** Loads desired-state text the way Converge loads a shadow (any order of declarations). */
    public void load(String sql) {
        try (Connection c = connect()) {
            DIALECT.loader().load(c, DIALECT.splitter().split(new dev.converge.engine.source.SourceFile("desired.sql", sql)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try (Connection admin = DriverManager.getConnection(serverUrl(server, ""), server.user(), server.password());
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + database + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + database, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
