package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Environments, tenants, drift, status and diff with a MySQL/MariaDB target, through the command line:
 * dev (one database) and prod (five tenant databases on the local MariaDB, discovered by a query on a
 * catalog database), history in the server's {@code converge} database. Promotion gate, canary,
 * grouping, re-run, drift injected in one tenant, the status matrix, diff between a tenant and dev,
 * a destructive drift fix refused for that tenant only, and a unique index over duplicate rows
 * refused by the data pre-check of the one tenant that has them.
 */
class MysqlFleetEndToEndTest {
    private static final List<String> TENANTS = List.of("t1", "t2", "t3", "t4", "t5");

    /** The shop every tenant starts from, in both MySQL fleet tests. */
    static final String V1 = """
            CREATE TABLE customers (
              id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              name VARCHAR(100) NOT NULL
            );
            CREATE TABLE orders (
              id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              customer_id BIGINT NOT NULL,
              code VARCHAR(40),
              total DECIMAL(10,2) NOT NULL DEFAULT 0,
              CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
            );
            """;

    private static final String V2 = V1 + """
            ALTER TABLE customers ADD COLUMN note VARCHAR(200) NULL;
            CREATE INDEX orders_total ON orders (total);
            CREATE UNIQUE INDEX customers_name ON customers (name);
            """;

    @TempDir
    Path dir;

    private final String prefix = "cvt_flm" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";

    @BeforeEach
    void databases() throws SQLException {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE DATABASE `" + prefix + "dev`");
        sql.add("CREATE DATABASE `" + prefix + "catalog`");
        sql.add("CREATE TABLE `" + prefix + "catalog`.tenants (name VARCHAR(20) PRIMARY KEY, active BOOLEAN)");
        sql.add("INSERT INTO `" + prefix + "catalog`.tenants VALUES ('t1', 1), ('t2', 1), ('t3', 1), ('t4', 1),"
                + " ('t5', 1), ('gone', 0)");
        TENANTS.forEach(t -> sql.add("CREATE DATABASE `" + prefix + "t_" + t + "`"));
        LocalMariadb.admin(sql);
    }

    @AfterEach
    void dropDatabases() throws SQLException {
        List<String> sql = new ArrayList<>();
        sql.add("DROP DATABASE IF EXISTS `" + prefix + "dev`");
        sql.add("DROP DATABASE IF EXISTS `" + prefix + "catalog`");
        TENANTS.forEach(t -> sql.add("DROP DATABASE IF EXISTS `" + prefix + "t_" + t + "`"));
        LocalMariadb.admin(sql);
        LocalMariadb.forgetHistory(prefix);
    }

    @Test
    void rolloutDriftStatusAndDiffOnMariaDb() throws Exception {
        Files.createDirectories(dir.resolve("schema"));
        Files.writeString(dir.resolve("schema/shop.sql"), V1);
        config();

        Cli.Result plan = run("plan", "--env", "prod", "--detailed-exitcode").expectExit(2);
        assertTrue(plan.out().contains("Environment prod: 5 targets"), plan.all());
        assertTrue(plan.out().matches("(?s).*5 targets: plan A \\(\\d+ steps\\).*"), plan.all());
        assertTrue(plan.out().contains("=== Plan A: t1, t2"), "canary first:\n" + plan.all());

        Cli.Result refused = run("apply", "--env", "prod", "--auto-approve");
        assertEquals(3, refused.exitCode(), "prod comes after dev:\n" + refused.all());
        assertEquals(0, LocalMariadb.count("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA LIKE '"
                + prefix + "t\\_%'"));

        run("apply", "--env", "dev", "--auto-approve").expectExit(0);
        Path report = dir.resolve("prod.json");
        Cli.Result prod = run("apply", "--env", "prod", "--auto-approve", "--report", report.toString()).expectExit(0);
        assertTrue(prod.out().contains("t1 (canary): applied"), prod.all());
        assertEquals(5, ReportJson.read(report).get("counts").get("applied").asInt());
        assertEquals(10, LocalMariadb.count("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA LIKE '"
                + prefix + "t\\_%'"));
        assertEquals(5, LocalMariadb.count("SELECT COUNT(*) FROM converge.history WHERE target_database LIKE '" + prefix
                + "t\\_%' AND environment = 'prod' AND status = 'converged' AND desired_snapshot IS NOT NULL"));

        Cli.Result clean = run("plan", "--env", "prod", "--detailed-exitcode").expectExit(0);
        assertTrue(clean.out().contains("5 targets: no changes"), clean.all());

        // A hot fix in t3 is drift.
        LocalMariadb.admin(List.of("ALTER TABLE `" + prefix + "t_t3`.orders ADD COLUMN hotfix INT NULL"));
        Cli.Result drift = run("drift", "--env", "prod").expectExit(4);
        assertTrue(drift.out().contains("t3: drifted since the apply of"), drift.all());
        JsonNode counts = ReportJson.parse(run("drift", "--env", "prod", "--format", "json").out()).get("counts");
        assertEquals(1, counts.get("drifted").asInt(), counts.toString());
        assertEquals(4, counts.get("in_sync").asInt(), counts.toString());

        Cli.Result status = run("status").expectExit(0);
        assertTrue(status.out().matches("(?s).*\\ndev +dev +\\w{12} .*in sync\\n.*"), status.all());
        assertTrue(status.out().matches("(?s).*\\nprod +t3 +\\w{12} .*drifted\\n.*"), status.all());

        Cli.Result diff = run("diff", "--from", "env:dev", "--to", "env:prod/t3").expectExit(0);
        assertTrue(diff.out().contains("DROP COLUMN `hotfix`"), diff.all());

        // v2 through dev, then prod: t3 would lose its hot-fix column, and t4's customers have a
        // duplicate name the new unique index would fail on: those two alone are refused.
        LocalMariadb.admin(List.of("INSERT INTO `" + prefix + "t_t4`.customers (name) VALUES ('dup'), ('dup')"));
        Files.writeString(dir.resolve("schema/shop.sql"), V2);
        run("apply", "--env", "dev", "--auto-approve").expectExit(0);
        // Refused tenants, none failed: 3, as for one target.
        run("apply", "--env", "prod", "--auto-approve", "--report", report.toString()).expectExit(ExitCodes.REFUSED);
        JsonNode r = ReportJson.read(report);
        assertEquals(List.of("t1", "t2", "t5"), ReportJson.targets(r, "applied"), r.toString());
        assertEquals(List.of("t3", "t4"), ReportJson.targets(r, "refused"), r.toString());
        assertTrue(ReportJson.target(r, "t4").get("message").asText().contains("would fail on this target's data"),
                r.toString());
        assertEquals(3, LocalMariadb.count("SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA LIKE '"
                + prefix + "t\\_%' AND INDEX_NAME = 'orders_total'"));

        LocalMariadb.admin(List.of("DELETE FROM `" + prefix + "t_t4`.customers WHERE name = 'dup' AND id > (SELECT m FROM"
                + " (SELECT MIN(id) AS m FROM `" + prefix + "t_t4`.customers WHERE name = 'dup') AS first)"));
        run("apply", "--env", "prod", "--auto-approve", "--allow-destructive", "--report",
                report.toString()).expectExit(0);
        r = ReportJson.read(report);
        assertEquals(List.of("t3", "t4"), ReportJson.targets(r, "applied"), r.toString());
        assertEquals(3, ReportJson.targets(r, "converged").size(), r.toString());
        run("drift", "--env", "prod").expectExit(0);
    }

    private void config() throws Exception {
        LocalMariadb.writeFleetConfig(dir, prefix, """
                discover: SELECT name FROM tenants WHERE active ORDER BY name
                canary: [t1]
                parallelism: 2
                on_error: continue
                failure_budget: 2
                """, "url: " + LocalMariadb.server() + prefix + "catalog" + LocalMariadb.credentials());
    }

    private Cli.Result run(String... args) {
        return Cli.inProject(dir.resolve("converge.yaml"), args);
    }
}
