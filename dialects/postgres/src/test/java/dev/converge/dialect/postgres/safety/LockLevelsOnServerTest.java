package dev.converge.dialect.postgres.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.inspect.PostgresInspector;
import dev.converge.dialect.postgres.PostgresSqlLexer;
import dev.converge.dialect.postgres.sql.PostgresSqlGenerator;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.change.AlterIndexStatistics;
import dev.converge.engine.change.CreateTable;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.safety.LockLevel;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.safety.TableLock;
import dev.converge.engine.spi.InspectScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LockLevelsOnServerTest checks the lock levels the classifier claims against the real server: every
 * step of a plan that touches one existing table per kind of change runs in one session, without
 * committing, while a second session reads pg_locks for the first one's backend; the strongest lock
 * seen on each existing table must be the one the step claims. ACCESS SHARE is left out on both sides:
 * every reader takes it, and it blocks only ACCESS EXCLUSIVE. Steps with a statement that cannot run in
 * a transaction block (CREATE / DROP INDEX CONCURRENTLY) cannot be held open this way and are checked
 * against the documentation only (SHARE UPDATE EXCLUSIVE).
 */
class LockLevelsOnServerTest {
    private static final String CURRENT = String.join("\n",
            "CREATE SCHEMA lk;",
            "CREATE TABLE lk.add_col (id int);",
            "CREATE TABLE lk.add_col_default (id int);",
            "CREATE TABLE lk.add_col_volatile (id int);",
            "CREATE TABLE lk.drop_col (id int, gone text);",
            "CREATE TABLE lk.retype (id int, n int);",
            "CREATE TABLE lk.widen (id int, s varchar(10));",
            "CREATE TABLE lk.set_not_null (id int, n int);",
            "CREATE TABLE lk.drop_not_null (id int, n int NOT NULL);",
            "CREATE TABLE lk.set_default (id int, n int);",
            "CREATE TABLE lk.add_index (id int);",
            "CREATE TABLE lk.drop_index (id int); CREATE INDEX drop_index_id ON lk.drop_index (id);",
            "CREATE TABLE lk.replace_index (id int); CREATE INDEX replace_index_id ON lk.replace_index (id);",
            "CREATE TABLE lk.add_unique (id int);",
            "CREATE TABLE lk.add_pk (id int NOT NULL);",
            "CREATE TABLE lk.add_check (id int);",
            "CREATE TABLE lk.drop_check (id int CONSTRAINT positive CHECK (id > 0));",
            "CREATE TABLE lk.parent (id int PRIMARY KEY);",
            "CREATE TABLE lk.child (id int, parent_id int);",
            "CREATE TABLE lk.parent2 (id int PRIMARY KEY);",
            "CREATE TABLE lk.child2 (id int, parent_id int CONSTRAINT child2_fk REFERENCES lk.parent2 (id));",
            "CREATE TABLE lk.parent3 (id int PRIMARY KEY);",
            "CREATE TABLE lk.dropped (id int);",
            "CREATE TABLE lk.commented (id int);",
            "CREATE TABLE lk.col_commented (id int);",
            "CREATE TABLE lk.viewed (id int); CREATE VIEW lk.v AS SELECT id FROM lk.viewed;",
            "CREATE TABLE lk.compressed (id int, body text);",
            "CREATE TABLE lk.index_statistics (id int);",
            "CREATE INDEX index_statistics_expr ON lk.index_statistics ((id + 1));");

    private static final String DESIRED = String.join("\n",
            "CREATE SCHEMA lk;",
            "CREATE TABLE lk.add_col (id int, extra text);",
            "CREATE TABLE lk.add_col_default (id int, extra int NOT NULL DEFAULT 0);",
            "CREATE TABLE lk.add_col_volatile (id int, extra double precision DEFAULT random());",
            "CREATE TABLE lk.drop_col (id int);",
            "CREATE TABLE lk.retype (id int, n bigint);",
            "CREATE TABLE lk.widen (id int, s varchar(20));",
            "CREATE TABLE lk.set_not_null (id int, n int NOT NULL);",
            "CREATE TABLE lk.drop_not_null (id int, n int);",
            "CREATE TABLE lk.set_default (id int, n int DEFAULT 7);",
            "CREATE TABLE lk.add_index (id int); CREATE INDEX add_index_id ON lk.add_index (id);",
            "CREATE TABLE lk.drop_index (id int);",
            "CREATE TABLE lk.replace_index (id int); CREATE INDEX replace_index_id ON lk.replace_index (id DESC);",
            "CREATE TABLE lk.add_unique (id int CONSTRAINT add_unique_id UNIQUE);",
            "CREATE TABLE lk.add_pk (id int PRIMARY KEY);",
            "CREATE TABLE lk.add_check (id int CONSTRAINT positive CHECK (id > 0));",
            "CREATE TABLE lk.drop_check (id int);",
            "CREATE TABLE lk.parent (id int PRIMARY KEY);",
            "CREATE TABLE lk.child (id int, parent_id int CONSTRAINT child_fk REFERENCES lk.parent (id));",
            "CREATE TABLE lk.parent2 (id int PRIMARY KEY);",
            "CREATE TABLE lk.child2 (id int, parent_id int);",
            "CREATE TABLE lk.parent3 (id int PRIMARY KEY);",
            "CREATE TABLE lk.new_child (id int, parent_id int CONSTRAINT new_child_fk REFERENCES lk.parent3 (id));",
            "CREATE TABLE lk.commented (id int); COMMENT ON TABLE lk.commented IS 'c';",
            "CREATE TABLE lk.col_commented (id int); COMMENT ON COLUMN lk.col_commented.id IS 'c';",
            "CREATE TABLE lk.viewed (id int);",
            "CREATE TABLE lk.compressed (id int, body text);",
            "ALTER TABLE lk.compressed ALTER COLUMN body SET COMPRESSION pglz;",
            "CREATE TABLE lk.index_statistics (id int);",
            "CREATE INDEX index_statistics_expr ON lk.index_statistics ((id + 1));",
            "ALTER INDEX lk.index_statistics_expr ALTER COLUMN 1 SET STATISTICS 500;");

    @ParameterizedTest(name = "online strategies {0}")
    @ValueSource(booleans = {false, true})
    void claimedLocksAreTheLocksTheServerTakes(boolean online) throws SQLException {
        OnlineStrategies strategies = online ? OnlineStrategies.ALL : OnlineStrategies.NONE;
        try (LocalPostgres target = LocalPostgres.create("locks"); LocalPostgres desiredDb = LocalPostgres.create("lockd")) {
            target.execute(CURRENT);
            desiredDb.execute(DESIRED);
            InspectScope scope = new InspectScope(Set.of("lk"));
            SchemaModel current;
            SchemaModel desired;
            try (Connection c = target.connect(); Connection d = desiredDb.connect()) {
                current = new PostgresInspector().inspect(c, scope);
                desired = new PostgresInspector().inspect(d, scope);
            }
            Plan plan = new Planner("postgres", new PostgresSqlLexer(), new PostgresSqlGenerator(15, strategies),
                    new PostgresSafetyClassifier(15, strategies)).plan(current, desired, "locks");
            Set<QualifiedName> existing = current.tables().stream().map(t -> t.name()).collect(Collectors.toSet());
            current.views().forEach(v -> existing.add(v.name()));
            int verified = 0;
            List<String> mismatches = new ArrayList<>();
            try (Connection runner = target.connect(); Connection observer = target.connect()) {
                for (PlanStep step : plan.steps()) {
                    if (step.change() instanceof CreateTable) {
                        commit(runner, step); // later steps (its foreign key) need the new table
                        continue;
                    }
                    if (step.statements().stream().anyMatch(s -> s.sql().contains("CONCURRENTLY"))) {
                        step.safety().locks().forEach(lock -> assertEquals(LockLevel.SHARE_UPDATE_EXCLUSIVE,
                                lock.level(), step.description()));
                        continue;
                    }
                    // a step that alters an index alone locks the index, not its table: watch the index then
                    Set<QualifiedName> watched = existing;
                    if (step.change() instanceof AlterIndexStatistics statistics) {
                        watched = new java.util.HashSet<>(existing);
                        watched.add(statistics.index().name());
                    }
                    Map<QualifiedName, LockLevel> seen = locksWhileRunning(runner, observer, step, watched);
                    Map<QualifiedName, LockLevel> claimed = new TreeMap<>();
                    for (TableLock lock : step.safety().locks()) {
                        if (lock.level() != LockLevel.ACCESS_SHARE) {
                            claimed.put(lock.table(), lock.level());
                        }
                    }
                    if (!seen.equals(claimed)) {
                        mismatches.add(step.description() + ": claimed " + claimed + ", server took " + seen);
                    }
                    verified++;
                }
            }
            assertEquals(List.of(), mismatches);
            assertTrue(verified >= (online ? 18 : 20), "steps verified: " + verified + " of " + plan.steps().size());
        }
    }

    private static void commit(Connection runner, PlanStep step) throws SQLException {
        runner.setAutoCommit(true);
        try (Statement st = runner.createStatement()) {
            for (DdlStatement statement : step.statements()) {
                st.execute(statement.sql());
            }
        }
    }

    /** Runs the step's statements in one uncommitted transaction and reads its locks from another session. */
    private static Map<QualifiedName, LockLevel> locksWhileRunning(Connection runner, Connection observer, PlanStep step,
                                                                   Set<QualifiedName> existing) throws SQLException {
        runner.setAutoCommit(false);
        try (Statement st = runner.createStatement()) {
            int pid;
            try (ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            for (DdlStatement statement : step.statements()) {
                st.execute(statement.sql());
            }
            Map<QualifiedName, LockLevel> seen = new TreeMap<>();
            try (PreparedStatement locks = observer.prepareStatement("SELECT n.nspname, c.relname, l.mode"
                    + " FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE l.pid = ? AND l.locktype = 'relation' AND l.granted")) {
                locks.setInt(1, pid);
                try (ResultSet rs = locks.executeQuery()) {
                    while (rs.next()) {
                        QualifiedName table = QualifiedName.of(rs.getString(1), rs.getString(2));
                        LockLevel level = LockLevel.ofPgLocksMode(rs.getString(3));
                        if (existing.contains(table) && level != null && level != LockLevel.ACCESS_SHARE) {
                            seen.merge(table, level, LockLevel::strongest);
                        }
                    }
                }
            }
            return seen;
        } finally {
            runner.rollback();
        }
    }
}
