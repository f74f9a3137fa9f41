package dev.converge.dialect.postgres.apply;

import dev.converge.engine.safety.SafetyPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.history.PostgresHistoryStore;
import dev.converge.dialect.postgres.testing.PlanFixture;
import dev.converge.engine.apply.Applier;
import dev.converge.engine.apply.StatementExecutor;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.spi.PlanAnnotator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An index replaced online keeps its table indexed at every moment: a second session reads pg_index
 * after each statement of the apply and always finds a valid, ready index on the key column. A failed
 * build leaves the old index as it was and no temporary index; a failure after the build is undone
 * to the old index from wherever it stopped.
 */
class IndexReplacementTest {
    private static final String CURRENT = "CREATE TABLE t (id int, n int, email text);"
            + " INSERT INTO t SELECT g, g % 7, 'e' || g FROM generate_series(1, 500) g;"
            + " CREATE INDEX t_n ON t (n);";
    private static final String DESIRED = "CREATE TABLE t (id int, n int, email text);"
            + " CREATE INDEX t_n ON t (n, id);";
    private static final PlanAnnotator.Options NO_PROBES = new PlanAnnotator.Options(false, Duration.ZERO, 0);

    /** What the second session sees: the valid, ready indexes of t whose first key is n, by name and columns. */
    private static final String USABLE = "SELECT string_agg(c.relname || ':' || pg_get_indexdef(i.indexrelid), ' | '"
            + " ORDER BY c.relname) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
            + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]"
            + " WHERE i.indrelid = 'public.t'::regclass AND i.indisvalid AND i.indisready AND a.attname = 'n'";

    @Test
    void theTableHasAUsableIndexAfterEveryStatement() throws SQLException {
        try (PlanFixture fixture = new PlanFixture(CURRENT, DESIRED);
             Connection observer = fixture.target.connect(); Connection c = fixture.target.connect()) {
            Plan plan = fixture.plan(OnlineStrategies.ALL, NO_PROBES);
            assertEquals(List.of("replace-index:public.t_n"), plan.steps().stream().map(PlanStep::id).toList());
            List<String> seen = new ArrayList<>();
            seen.add(usable(observer));
            StatementExecutor observed = (connection, statement, interrupt) -> {
                StatementExecutor.PLAIN.execute(connection, statement, interrupt);
                if (!statement.sql().startsWith("INSERT") && !statement.sql().contains("converge.")) {
                    seen.add(usable(observer));
                }
            };
            new Applier(new PostgresHistoryStore(), Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).executor(observed).apply(c, plan, "h");
            assertEquals(List.of(
                    "t_n:CREATE INDEX t_n ON public.t USING btree (n)",
                    "t_n:CREATE INDEX t_n ON public.t USING btree (n) | t_n_converge_new:CREATE INDEX t_n_converge_new"
                            + " ON public.t USING btree (n, id)",
                    "t_n_converge_new:CREATE INDEX t_n_converge_new ON public.t USING btree (n, id)",
                    "t_n:CREATE INDEX t_n ON public.t USING btree (n, id)"), seen);
            assertTrue(fixture.plan(OnlineStrategies.ALL, NO_PROBES).isEmpty(), "a new plan is empty");
        }
    }

    @Test
    void aFailedBuildLeavesTheOldIndexAndNoTemporaryOne() throws SQLException {
        try (PlanFixture fixture = new PlanFixture(CURRENT + " INSERT INTO t VALUES (1, 1, 'e1');",
                "CREATE TABLE t (id int, n int, email text); CREATE UNIQUE INDEX t_n ON t (id);");
             Connection c = fixture.target.connect()) {
            Plan plan = fixture.plan(OnlineStrategies.ALL, NO_PROBES);
            ConvergeException e = assertThrows(ConvergeException.class,
                    () -> new Applier(new PostgresHistoryStore(), Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(c, plan, "h"));
            assertTrue(e.getMessage().contains("could not create unique index \"t_n_converge_new\""), e.getMessage());
            assertEquals(List.of("t_n:CREATE INDEX t_n ON public.t USING btree (n)"), indexesOfT(c));
        }
    }

    @Test
    void aFailureAfterTheBuildIsUndoneToTheOldIndex() throws SQLException {
        try (PlanFixture fixture = new PlanFixture(CURRENT, DESIRED); Connection c = fixture.target.connect()) {
            Plan plan = fixture.plan(OnlineStrategies.ALL, NO_PROBES);
            StatementExecutor failingRename = (connection, statement, interrupt) -> {
                if (statement.sql().startsWith("ALTER INDEX")) {
                    throw new SQLException("injected: the rename failed");
                }
                StatementExecutor.PLAIN.execute(connection, statement, interrupt);
            };
            assertThrows(ConvergeException.class, () -> new Applier(new PostgresHistoryStore(), Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive())
                    .executor(failingRename).apply(c, plan, "h"));
            assertEquals(List.of("t_n:CREATE INDEX t_n ON public.t USING btree (n)"), indexesOfT(c));
        }
    }

    @Test
    void withoutTheStrategyTheOldIndexIsDroppedFirst() {
        try (PlanFixture fixture = new PlanFixture(CURRENT, DESIRED)) {
            Plan plan = fixture.plan(new OnlineStrategies(true, true, true, false), NO_PROBES);
            List<String> sql = plan.steps().get(0).statements().stream().map(s -> s.sql()).toList();
            assertEquals(List.of("DROP INDEX CONCURRENTLY \"public\".\"t_n\"",
                    "CREATE INDEX CONCURRENTLY \"t_n\" ON public.t USING btree (n, id)"), sql);
        }
    }

    /**
     * The rename that ends an online replacement locks the index alone, with SHARE UPDATE EXCLUSIVE
     * (PostgreSQL 12+), and not the table: the classifier claims no more than the concurrent statements'.
     */
    @Test
    void theFinalRenameLocksOnlyTheIndex() throws SQLException {
        try (PlanFixture fixture = new PlanFixture(CURRENT, DESIRED);
             Connection runner = fixture.target.connect(); Connection observer = fixture.target.connect()) {
            Plan plan = fixture.plan(OnlineStrategies.ALL, NO_PROBES);
            String rename = plan.steps().stream().flatMap(s -> s.statements().stream()).map(s -> s.sql())
                    .filter(s -> s.startsWith("ALTER INDEX")).findFirst().orElseThrow();
            runner.setAutoCommit(false);
            List<String> locks = new ArrayList<>();
            try (Statement st = runner.createStatement()) {
                st.execute("CREATE INDEX t_n_converge_new ON t (n, id)");
                st.execute("DROP INDEX t_n");
                String pid;
                try (ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    pid = rs.getString(1);
                }
                runner.commit();
                st.execute(rename);
                try (Statement o = observer.createStatement(); ResultSet rs = o.executeQuery("SELECT c.relname || ' '"
                        + " || l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.pid = " + pid
                        + " AND c.relnamespace = 'public'::regnamespace ORDER BY 1")) {
                    while (rs.next()) {
                        locks.add(rs.getString(1));
                    }
                }
            } finally {
                runner.rollback();
            }
            // The other session still sees the index under its committed name.
            assertEquals(List.of("t_n_converge_new ShareUpdateExclusiveLock"), locks);
            assertEquals(List.of("public.t SHARE_UPDATE_EXCLUSIVE"), plan.steps().get(0).safety().locks().stream()
                    .map(l -> l.table() + " " + l.level()).toList());
        }
    }

    private static String usable(Connection observer) {
        try (Statement st = observer.createStatement(); ResultSet rs = st.executeQuery(USABLE)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> indexesOfT(Connection c) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT c.relname || ':' ||"
                + " pg_get_indexdef(c.oid) || CASE WHEN i.indisvalid THEN '' ELSE ' INVALID' END FROM pg_index i"
                + " JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'public.t'::regclass ORDER BY 1")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }
}
