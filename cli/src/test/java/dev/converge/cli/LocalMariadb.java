package dev.converge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * LocalMariadb is the local MySQL/MariaDB server of the CLI's MySQL fleet tests (MYSQL_HOST, _PORT,
 * _USER, _PASSWORD; 127.0.0.1:3306 root by default): its URL forms for converge.yaml, and the few
 * statements a test runs as the administrator.
 */
final class LocalMariadb {
    static final String HOST = System.getenv().getOrDefault("MYSQL_HOST", "127.0.0.1");
    static final String PORT = System.getenv().getOrDefault("MYSQL_PORT", "3306");
    static final String USER = System.getenv().getOrDefault("MYSQL_USER", "root");
    static final String PASSWORD = System.getenv("MYSQL_PASSWORD");

    private LocalMariadb() {
    }

    /** {@code jdbc:mysql://HOST:PORT/}: a database name and {@link #credentials()} follow. */
    static String server() {
        return "jdbc:mysql://" + HOST + ":" + PORT + "/";
    }

    /** The query string that carries the user (and the password, when the environment sets one). */
    static String credentials() {
        return "?user=" + USER + (PASSWORD == null ? "" : "&password=" + PASSWORD);
    }

    /**
     * Writes DIR/converge.yaml: a MySQL project (desired files in DIR/schema, a server shadow) whose
     * dev is the database {@code prefix}dev and whose prod, after dev, is one database per tenant,
     * {@code prefix}t_{tenant}, with {@code tenantSettings} (YAML lines of prod's tenants: their list
     * or discovery, parallelism, error handling) and {@code prodSettings} (further YAML lines of prod,
     * such as its own url; may be empty).
     */
    static Path writeFleetConfig(Path dir, String prefix, String tenantSettings, String prodSettings) throws IOException {
        return Files.writeString(dir.resolve("converge.yaml"), """
                dialect: mysql
                desired: schema
                shadow: server
                environments:
                  dev:
                    url: %s
                  prod:
                    after: dev
                    tenants:
                      mode: database
                      url: %s
                """.formatted(server() + prefix + "dev" + credentials(), server() + prefix + "t_{tenant}" + credentials())
                + tenantSettings.indent(6) + prodSettings.indent(4));
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(server() + "?useSSL=false&allowPublicKeyRetrieval=true", USER, PASSWORD);
    }

    static void admin(List<String> statements) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /**
     * Deletes the rows of the server's shared history (and their checkpoints) that a test's applies
     * recorded for its databases named {@code prefix...}; nothing when no apply was ever recorded.
     */
    static void forgetHistory(String prefix) {
        try {
            admin(List.of("DELETE FROM converge.checkpoints WHERE apply_id IN (SELECT id FROM converge.history"
                    + " WHERE target_database LIKE '" + prefix + "%')",
                    "DELETE FROM converge.history WHERE target_database LIKE '" + prefix + "%'"));
        } catch (SQLException noHistory) {
            // No history table yet: the test failed before its first apply.
        }
    }

    static long count(String query) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> strings(String query) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    /**
     * A uniquely named database on the local server, dropped at the end with the backfill checkpoints
     * Converge kept for it in the server's one bookkeeping database.
     */
    record Database(String name) implements AutoCloseable {
        static Database create(String prefix) throws SQLException {
            Database db = new Database(prefix + "_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8));
            admin(List.of("CREATE DATABASE `" + db.name + "`"));
            return db;
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(server() + name, USER, PASSWORD);
        }

        /** The URL converge takes: the user in the query string, the password (if any) from the environment. */
        String url() {
            return server() + name + "?user=" + USER;
        }

        @Override
        public void close() throws SQLException {
            admin(List.of("DROP DATABASE IF EXISTS `" + name + "`"));
            if (count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'converge'"
                    + " AND table_name = 'backfills'") > 0) {
                admin(List.of("DELETE FROM converge.backfills WHERE task LIKE '" + name + "/%'"));
            }
        }
    }
}
