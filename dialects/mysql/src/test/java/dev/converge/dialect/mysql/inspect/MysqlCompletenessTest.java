package dev.converge.dialect.mysql.inspect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.mysql.testing.ConvergeRun;
import dev.converge.dialect.mysql.testing.LocalMysql;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.workflow.DesiredState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fail-closed on the local MariaDB: after the target has converged, one object of every kind MariaDB
 * can create in a database is added behind Converge's back (tables, columns, every index kind and
 * attribute, constraints, triggers, routines, events, views, partitions, sequences, system-versioned
 * tables, application-time periods, packages, and changes to a table's engine, partitions, defaults
 * and generated columns), and the next plan either has a step for it or lists it as unmanaged.
 * Nothing is ignored.
 */
class MysqlCompletenessTest {
    /** The object, and the SQL that creates it in the converged target. */
    private static final Map<String, String> BEHIND_THE_BACK = new LinkedHashMap<>();

    static {
        BEHIND_THE_BACK.put("db.extra_table", "CREATE TABLE extra_table (id INT PRIMARY KEY)");
        BEHIND_THE_BACK.put("db.base.extra_col", "ALTER TABLE base ADD COLUMN extra_col INT");
        BEHIND_THE_BACK.put("db.base.extra_idx", "CREATE INDEX extra_idx ON base (name)");
        BEHIND_THE_BACK.put("db.base.extra_unique", "ALTER TABLE base ADD CONSTRAINT extra_unique UNIQUE (code)");
        BEHIND_THE_BACK.put("db.base.extra_fulltext", "CREATE FULLTEXT INDEX extra_fulltext ON base (name)");
        BEHIND_THE_BACK.put("db.geo.extra_spatial", "CREATE SPATIAL INDEX extra_spatial ON geo (g)");
        BEHIND_THE_BACK.put("db.base.extra_check", "ALTER TABLE base ADD CONSTRAINT extra_check CHECK (qty >= 0)");
        BEHIND_THE_BACK.put("db.base.qty", "ALTER TABLE base MODIFY qty INT CHECK (qty < 1000)");
        BEHIND_THE_BACK.put("db.base.extra_fk", "ALTER TABLE base ADD CONSTRAINT extra_fk FOREIGN KEY (ref_id) REFERENCES other (id)");
        BEHIND_THE_BACK.put("db.base.name", "ALTER TABLE base MODIFY name VARCHAR(50) INVISIBLE");
        BEHIND_THE_BACK.put("db.other", "ALTER TABLE other COMMENT 'a comment'");
        BEHIND_THE_BACK.put("db.parts", "ALTER TABLE parts PARTITION BY HASH (id) PARTITIONS 3");
        BEHIND_THE_BACK.put("db.base.extra_trigger", "CREATE TRIGGER extra_trigger BEFORE INSERT ON base FOR EACH ROW SET NEW.qty = 1");
        BEHIND_THE_BACK.put("db.extra_function", "CREATE FUNCTION extra_function() RETURNS INT DETERMINISTIC RETURN 1");
        BEHIND_THE_BACK.put("db.extra_procedure", "CREATE PROCEDURE extra_procedure() SELECT 1");
        BEHIND_THE_BACK.put("db.extra_aggregate", "CREATE AGGREGATE FUNCTION extra_aggregate(x INT) RETURNS INT"
                + " BEGIN DECLARE s INT DEFAULT 0; DECLARE CONTINUE HANDLER FOR NOT FOUND RETURN s;"
                + " LOOP FETCH GROUP NEXT ROW; SET s = s + x; END LOOP; END");
        BEHIND_THE_BACK.put("db.extra_event", "CREATE EVENT extra_event ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM base");
        BEHIND_THE_BACK.put("db.extra_view", "CREATE VIEW extra_view AS SELECT id FROM base");
        BEHIND_THE_BACK.put("db.extra_sequence", "CREATE SEQUENCE extra_sequence");
        BEHIND_THE_BACK.put("db.extra_versioned", "CREATE TABLE extra_versioned (id INT PRIMARY KEY) WITH SYSTEM VERSIONING");
        BEHIND_THE_BACK.put("db.extra_package", "SET sql_mode = 'ORACLE';\nDELIMITER //\n"
                + "CREATE PACKAGE extra_package AS FUNCTION f RETURN INT; END//\nDELIMITER ;\nSET sql_mode = DEFAULT");
        // the other index kinds and index attributes
        BEHIND_THE_BACK.put("db.base.extra_desc", "CREATE INDEX extra_desc ON base (code DESC)");
        BEHIND_THE_BACK.put("db.base.extra_prefix", "CREATE INDEX extra_prefix ON base (name(10))");
        BEHIND_THE_BACK.put("db.base.base_code", "ALTER TABLE base ALTER INDEX base_code IGNORED");
        BEHIND_THE_BACK.put("db.mem.extra_hash", "CREATE INDEX extra_hash USING HASH ON mem (code)");
        // what changes a table Converge already manages
        BEHIND_THE_BACK.put("db.base.extra_generated", "ALTER TABLE base ADD COLUMN extra_generated INT AS (qty * 2) VIRTUAL");
        BEHIND_THE_BACK.put("db.base.code", "ALTER TABLE base ALTER COLUMN code SET DEFAULT 7");
        BEHIND_THE_BACK.put("db.versioned_later", "ALTER TABLE versioned_later ADD SYSTEM VERSIONING");
        BEHIND_THE_BACK.put("db.periods.app_time", "ALTER TABLE periods ADD PERIOD FOR app_time (s, e)");
        BEHIND_THE_BACK.put("db.plain", "ALTER TABLE plain ENGINE = Aria");
        BEHIND_THE_BACK.put("db.ranged", "ALTER TABLE ranged ADD PARTITION (PARTITION p_extra VALUES LESS THAN (300))");
        BEHIND_THE_BACK.put("db.names", "CREATE OR REPLACE VIEW names AS SELECT id, code FROM base");
    }

    @Test
    void everyObjectAddedBehindConvergesBackIsPlannedOrListedAsUnmanaged(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE other (id INT PRIMARY KEY);\n"
                + "CREATE TABLE base (id INT PRIMARY KEY, code INT, name VARCHAR(50), qty INT, ref_id INT);\n"
                + "CREATE TABLE geo (id INT PRIMARY KEY, g POINT NOT NULL);\n"
                + "CREATE TABLE parts (id INT PRIMARY KEY);\n"
                + "CREATE INDEX base_code ON base (code);\n"
                + "CREATE TABLE mem (id INT PRIMARY KEY, code INT) ENGINE = MEMORY;\n"
                + "CREATE TABLE periods (id INT PRIMARY KEY, s DATE NOT NULL, e DATE NOT NULL);\n"
                + "CREATE TABLE plain (id INT PRIMARY KEY);\n"
                + "CREATE TABLE versioned_later (id INT PRIMARY KEY);\n"
                + "CREATE TABLE ranged (id INT PRIMARY KEY) PARTITION BY RANGE (id)"
                + " (PARTITION p1 VALUES LESS THAN (100), PARTITION p2 VALUES LESS THAN (200));\n"
                + "CREATE VIEW names AS SELECT id FROM base;\n");
        try (LocalMysql target = LocalMysql.create("complete")) {
            DesiredState desired = ConvergeRun.desired(dir, target);
            ConvergeRun.apply(target, desired);
            assertTrue(ConvergeRun.plan(target, desired).isEmpty());
            BEHIND_THE_BACK.values().forEach(target::execute);

            Plan plan = ConvergeRun.plan(target, desired);
            List<String> seen = new ArrayList<>();
            for (PlanStep step : plan.steps()) {
                seen.add(step.target().display());
            }
            List<String> unmanaged = plan.unmanaged().stream().map(u -> u.object().name()).toList();
            List<String> missed = BEHIND_THE_BACK.keySet().stream()
                    .filter(name -> !seen.contains(name) && !seen.contains(name + "()") && !unmanaged.contains(name)).toList();
            assertTrue(missed.isEmpty(), "neither planned nor listed: " + missed + "\nplanned: " + seen
                    + "\nunmanaged: " + unmanaged);
            assertEveryKindIsAmongTheObjects(target);
        }
    }

    /*
     * The objects above must cover every kind information_schema tells apart: each kind below must
     * be found in the database once they are made, so that a kind dropped from the list fails here.
     * (MariaDB 10.11 has no information_schema.PERIODS: the period above is checked by its step only.)
     */
    private static void assertEveryKindIsAmongTheObjects(LocalMysql target) throws java.sql.SQLException {
        String query = """
                SELECT k FROM (SELECT 'BASE TABLE' AS k UNION SELECT 'VIEW' UNION SELECT 'SEQUENCE'
                    UNION SELECT 'SYSTEM VERSIONED' UNION SELECT 'index BTREE' UNION SELECT 'index FULLTEXT'
                    UNION SELECT 'index SPATIAL' UNION SELECT 'index HASH' UNION SELECT 'routine FUNCTION'
                    UNION SELECT 'routine PROCEDURE' UNION SELECT 'routine PACKAGE' UNION SELECT 'aggregate'
                    UNION SELECT 'constraint CHECK' UNION SELECT 'constraint FOREIGN KEY'
                    UNION SELECT 'constraint UNIQUE' UNION SELECT 'constraint PRIMARY KEY' UNION SELECT 'trigger'
                    UNION SELECT 'event' UNION SELECT 'partition'
                    UNION SELECT 'generated column' UNION SELECT 'invisible column') expected
                WHERE k NOT IN (
                    SELECT table_type FROM information_schema.tables WHERE table_schema = DATABASE()
                    UNION SELECT CONCAT('index ', index_type) FROM information_schema.statistics WHERE table_schema = DATABASE()
                    UNION SELECT CONCAT('routine ', routine_type) FROM information_schema.routines WHERE routine_schema = DATABASE()
                    UNION SELECT 'aggregate' FROM mysql.proc WHERE db = DATABASE() AND aggregate = 'GROUP'
                    UNION SELECT CONCAT('constraint ', constraint_type) FROM information_schema.table_constraints
                          WHERE constraint_schema = DATABASE()
                    UNION SELECT 'trigger' FROM information_schema.triggers WHERE trigger_schema = DATABASE()
                    UNION SELECT 'event' FROM information_schema.events WHERE event_schema = DATABASE()
                    UNION SELECT 'partition' FROM information_schema.partitions WHERE table_schema = DATABASE()
                          AND partition_name IS NOT NULL
                    UNION SELECT 'generated column' FROM information_schema.columns WHERE table_schema = DATABASE()
                          AND extra LIKE '%GENERATED%'
                    UNION SELECT 'invisible column' FROM information_schema.columns WHERE table_schema = DATABASE()
                          AND extra LIKE '%INVISIBLE%')
                """;
        List<String> missing = new ArrayList<>();
        try (java.sql.Connection c = target.connect(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                missing.add(rs.getString(1));
            }
        }
        assertTrue(missing.isEmpty(), "no object made here is of these kinds: " + missing);
    }
}
