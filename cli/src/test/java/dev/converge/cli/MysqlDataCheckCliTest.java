package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On MySQL as on PostgreSQL, plan shows a step the target's data would make fail, and apply refuses it
 * (exit 3) and leaves the table as it was: here a column narrowed below its longest value, on the local
 * MariaDB, in a database of its own.
 */
class MysqlDataCheckCliTest {
    private static final String HOST = env("MYSQL_HOST", "127.0.0.1");
    private static final String PORT = env("MYSQL_PORT", "3306");
    private static final String USER = env("MYSQL_USER", "root");
    private static final String SERVER = "jdbc:mysql://" + HOST + ":" + PORT + "/?useSSL=false&allowPublicKeyRetrieval=true";

    @TempDir
    Path dir;

    private final String database = "cvt_safety_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @BeforeEach
    void createTarget() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, System.getenv("MYSQL_PASSWORD"));
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE `" + database + "`");
            st.execute("CREATE TABLE `" + database + "`.item (id INT PRIMARY KEY, code VARCHAR(20))");
            st.execute("INSERT INTO `" + database + "`.item VALUES (1, 'abcdefghij'), (2, 'ab')");
        }
    }

    @AfterEach
    void dropTarget() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, System.getenv("MYSQL_PASSWORD"));
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + database + "`");
        }
    }

    @Test
    void aNarrowingTheDataWouldFailIsShownAndRefused() throws IOException, SQLException {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE item (id INT PRIMARY KEY, code VARCHAR(5));");
        String url = "jdbc:mysql://" + HOST + ":" + PORT + "/" + database + "?user=" + USER;
        Cli.Result plan = Cli.withServerShadow("plan", url, dir.toString()).expectExit(0);
        assertTrue(plan.out().contains("X will fail: 1 row violates: every value of item.code fits varchar(5);"
                + " find it with: SELECT * FROM `item` AS probe_row WHERE CHAR_LENGTH(`code`) > 5"), plan.all());
        Cli.Result refused = Cli.withServerShadow("apply", url, dir.toString(), "--auto-approve",
                "--allow-destructive").expectExit(3);
        assertTrue(refused.err().contains("fix the data first"), refused.all());
        Path saved = dir.resolve("plan.json");
        Cli.Result markdown = Cli.withServerShadow("plan", url, dir.toString(), "--format", "markdown");
        Cli.Result json = Cli.withServerShadow("plan", url, dir.toString(), "--format", "json",
                "--out", saved.toString());
        Cli.Result asked = Cli.withServerShadow("plan", url, dir.toString(), "--show-row-values");
        assertEquals(64, asked.exitCode(), "row values only on a terminal, and a test has none: " + asked.all());
        for (Cli.Result r : List.of(plan, refused, markdown, json, asked)) {
            assertFalse(r.all().contains("abcdefghij"), "a production row was printed: " + r.all());
        }
        assertFalse(Files.readString(saved).contains("abcdefghij"), "a production row is in the plan file");
        try (Connection c = DriverManager.getConnection(SERVER, USER, System.getenv("MYSQL_PASSWORD"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COLUMN_TYPE FROM"
                     + " information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + database + "' AND COLUMN_NAME = 'code'")) {
            rs.next();
            assertEquals("varchar(20)", rs.getString(1), "the table is unchanged");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
