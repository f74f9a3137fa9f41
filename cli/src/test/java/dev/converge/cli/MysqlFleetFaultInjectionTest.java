package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.engine.spi.HistoryEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14.15 on MariaDB, where every DDL statement commits by itself: {@code apply --env} over 10
 * tenant databases runs as a real client process, killed with SIGKILL at seeded random moments while
 * random tenants' server sessions are ended with {@code KILL CONNECTION}. After every kill each tenant
 * holds exactly the first groups of its plan (one statement each; clauses combined into one ALTER
 * TABLE are one group) and no fewer than its history records; a plain re-run converges every tenant,
 * history ends converged for each, and no row is lost (checksums before and after).
 */
@Tag("slow")
class MysqlFleetFaultInjectionTest {
    private static final long SEED = 1415L;

    private static final String V2 = MysqlFleetEndToEndTest.V1 + """
            ALTER TABLE customers ADD COLUMN note VARCHAR(200) NULL;
            CREATE INDEX orders_total ON orders (total);
            CREATE INDEX customers_name ON customers (name);
            CREATE TABLE audit (id BIGINT NOT NULL PRIMARY KEY, body TEXT);
            """;

    private static final Map<String, String> PROBES = new LinkedHashMap<>();

    static {
        PROBES.put("customers.note", "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '%s'"
                + " AND TABLE_NAME = 'customers' AND COLUMN_NAME = 'note'");
        PROBES.put("orders_total", "SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '%s'"
                + " AND INDEX_NAME = 'orders_total'");
        PROBES.put("customers_name", "SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '%s'"
                + " AND INDEX_NAME = 'customers_name'");
        PROBES.put("audit", "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '%s'"
                + " AND TABLE_NAME = 'audit'");
    }

    @TempDir
    Path dir;

    private final String prefix = "cvt_ffm" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
    private final List<String> tenants = new ArrayList<>();
    private final Random random = new Random(SEED);
    private final List<String> observations = new ArrayList<>();
    /** The newest history row before V2: V2's applies come after it. */
    private long v1Applies;

    @AfterEach
    void dropDatabases() throws SQLException {
        List<String> sql = new ArrayList<>();
        sql.add("DROP DATABASE IF EXISTS `" + prefix + "dev`");
        tenants.forEach(t -> sql.add("DROP DATABASE IF EXISTS `" + database(t) + "`"));
        LocalMariadb.admin(sql);
        LocalMariadb.forgetHistory(prefix);
    }

    @Test
    void killedAndCutAppliesConvergeEveryTenantOnRerunWithoutLosingARow() throws Exception {
        List<String> create = new ArrayList<>(List.of("CREATE DATABASE `" + prefix + "dev`"));
        for (int i = 1; i <= 10; i++) {
            tenants.add(String.format(Locale.ROOT, "m%02d", i));
        }
        tenants.forEach(t -> create.add("CREATE DATABASE `" + database(t) + "`"));
        LocalMariadb.admin(create);
        Files.createDirectories(dir.resolve("schema"));
        Files.writeString(dir.resolve("schema/shop.sql"), MysqlFleetEndToEndTest.V1);
        config();
        for (String env : List.of("dev", "prod")) {
            run("apply", "--env", env, "--auto-approve").expectExit(0);
        }
        Map<String, String> before = new HashMap<>();
        for (String t : tenants) {
            LocalMariadb.admin(List.of("INSERT INTO `" + database(t) + "`.customers (name) SELECT CONCAT('c', seq)"
                            + " FROM `" + database(t) + "`.seq_1_to_300",
                    "INSERT INTO `" + database(t) + "`.orders (customer_id, code, total) SELECT id, CONCAT('o', id),"
                            + " id % 97 FROM `" + database(t) + "`.customers"));
            before.put(t, checksum(t));
        }

        Files.writeString(dir.resolve("schema/shop.sql"), V2);
        run("apply", "--env", "dev", "--auto-approve").expectExit(0);
        List<List<String>> groups = groups();
        v1Applies = LocalMariadb.count("SELECT COALESCE(MAX(id), 0) FROM converge.history");
        // Three kill points chosen along the rollout (they were five at random moments): as the first
        // tenant starts (inside its first statement), a third of the way and two thirds of the way through.
        List<Double> killPoints = List.of(0.0, 1 / 3.0, 2 / 3.0);
        for (int round = 1; round <= killPoints.size(); round++) {
            killedApply(killPoints.get(round - 1));
            int partial = 0;
            for (String t : tenants) {
                assertAtACheckpoint(t, groups);
                partial += applied(t).isEmpty() || applied(t).size() == PROBES.size() ? 0 : 1;
            }
            observations.add("round " + round + ": " + partial + " tenant(s) part way");
        }
        Cli.Result rerun = run("apply", "--env", "prod", "--auto-approve");
        assertEquals(0, rerun.exitCode(), "a plain re-run converges every tenant\n" + rerun.all() + "\n" + observations);
        run("plan", "--env", "prod", "--detailed-exitcode").expectExit(0);
        for (String t : tenants) {
            assertEquals(new ArrayList<>(PROBES.keySet()), applied(t), t + " holds every change");
            assertEquals(before.get(t), checksum(t), t + " lost no row");
            List<String> statuses = LocalMariadb.strings("SELECT status FROM converge.history WHERE target_database = '"
                    + database(t) + "' ORDER BY id");
            String last = statuses.get(statuses.size() - 1);
            assertTrue(last.equals(HistoryEntry.CONVERGED) || last.equals(HistoryEntry.APPLIED), t + ": " + statuses);
            for (String status : statuses) {
                assertTrue(List.of(HistoryEntry.CONVERGED, HistoryEntry.APPLIED, HistoryEntry.FAILED,
                        HistoryEntry.ROLLED_BACK, HistoryEntry.RUNNING, HistoryEntry.INTERRUPTED).contains(status),
                        t + ": a status that says what happened: " + statuses);
            }
        }
        System.out.println("fault injection (seed " + SEED + "): " + observations);
    }

    /** Kills the rollout once {@code share} of the tenants have begun their apply (and a seeded moment more). */
    private void killedApply(double share) throws Exception {
        long started = LocalMariadb.count("SELECT COALESCE(MAX(id), 0) FROM converge.history");
        long begun = Math.max(1, Math.round(share * tenants.size()));
        // The cutter ends every session of one random tenant database; the kill comes long enough after
        // for the cutter to reach a tenant mid-step, short enough to land before the next third.
        KilledApply.Outcome killed = KilledApply.run(
                List.of("apply", "--env", "prod", "--auto-approve", "--config", dir.resolve("converge.yaml").toString()),
                dir.resolve("child.log"),
                () -> LocalMariadb.count("SELECT COUNT(DISTINCT target_database) FROM converge.history WHERE id > " + started
                        + " AND target_database LIKE '" + prefix + "%'") >= begun,
                random.nextLong(), 100, 400, this::cutOneTenant, 300 + random.nextInt(900));
        observations.add("killed (exit " + killed.exitCode() + "), " + killed.cuts() + " connection(s) cut");
        // A statement the dead client sent runs to its end on the server: wait for the tenants' sessions to end.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (LocalMariadb.count("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB LIKE '" + prefix
                + "t%' AND ID <> CONNECTION_ID()") > 0) {
            assertTrue(System.nanoTime() < deadline, "the dead client's sessions end");
            Thread.sleep(100);
        }
    }

    /** Ends every session of one random tenant database but the cutter's own; returns how many. */
    private int cutOneTenant(Random random) throws SQLException {
        String victim = database(tenants.get(random.nextInt(tenants.size())));
        int cut = 0;
        for (String id : LocalMariadb.strings("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '" + victim
                + "' AND ID <> CONNECTION_ID()")) {
            try {
                LocalMariadb.admin(List.of("KILL CONNECTION " + id));
                cut++;
            } catch (SQLException gone) {
                // It ended by itself first.
            }
        }
        return cut;
    }

    /** See {@link FleetCheckpoints#assertAtACheckpoint}: on MariaDB each statement is a group of its own. */
    private void assertAtACheckpoint(String t, List<List<String>> groups) throws SQLException {
        List<String> held = applied(t);
        long done = LocalMariadb.count("SELECT COUNT(DISTINCT k.step) FROM converge.checkpoints k WHERE k.status = 'done'"
                + " AND k.apply_id = (SELECT MAX(id) FROM converge.history WHERE target_database = '" + database(t)
                + "' AND id > " + v1Applies + ")"
                + " AND NOT EXISTS (SELECT 1 FROM converge.checkpoints u WHERE u.apply_id = k.apply_id"
                + " AND u.step = k.step AND u.status <> 'done' AND u.finished_at >= k.finished_at)");
        FleetCheckpoints.assertAtACheckpoint(t, held, groups, done);
    }

    private List<String> applied(String t) throws SQLException {
        List<String> held = new ArrayList<>();
        for (Map.Entry<String, String> probe : PROBES.entrySet()) {
            if (LocalMariadb.count(probe.getValue().formatted(database(t))) > 0) {
                held.add(probe.getKey());
            }
        }
        return held;
    }

    /** The plan's groups: each step with a statement starts one; a step made by the one before joins it. */
    private List<List<String>> groups() throws Exception {
        Cli.Result plan = run("plan", "--env", "prod", "--format", "json").expectExit(0);
        JsonNode steps = ReportJson.parse(plan.out()).at("/groups/0/plan/steps");
        List<List<String>> groups = new ArrayList<>();
        for (JsonNode step : steps) {
            String probe = PROBES.keySet().stream().filter(k -> step.get("id").asText().contains(k)).findFirst()
                    .orElse(null);
            if (step.get("statements").isEmpty() && !groups.isEmpty()) {
                if (probe != null) {
                    groups.get(groups.size() - 1).add(probe);
                }
            } else {
                groups.add(new ArrayList<>(probe == null ? List.of() : List.of(probe)));
            }
        }
        assertEquals(PROBES.size(), groups.stream().mapToInt(List::size).sum(), "every change is a step: " + steps);
        return groups;
    }

    private String checksum(String t) throws SQLException {
        return LocalMariadb.strings("SELECT MD5(CONCAT((SELECT COALESCE(GROUP_CONCAT(id, ':', name ORDER BY id SEPARATOR ','), '')"
                + " FROM `" + database(t) + "`.customers), '|', (SELECT COALESCE(GROUP_CONCAT(id, ':', customer_id, ':',"
                + " code, ':', total ORDER BY id SEPARATOR ','), '') FROM `" + database(t) + "`.orders)))").get(0);
    }

    private String database(String tenant) {
        return prefix + "t_" + tenant;
    }

    private void config() throws Exception {
        LocalMariadb.writeFleetConfig(dir, prefix, """
                list: [%s]
                parallelism: 3
                on_error: continue
                failure_budget: 10
                """.formatted(String.join(", ", tenants)), "");
    }

    private Cli.Result run(String... args) {
        return Cli.inProject(dir.resolve("converge.yaml"), args);
    }
}
