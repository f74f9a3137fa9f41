package dev.converge.dialect.postgres.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.apply.StatementRunner;
import dev.converge.engine.apply.StatementRunner.LockNotAvailableException;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.StatementLimits;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * StatementRunner against a table another session has locked: the statement times out waiting for its
 * lock, is retried with growing pauses, and either gets through once the lock is released or fails
 * clearly when the budget is spent, leaving the table as it was and the transaction usable.
 */
class StatementRunnerTest {
    private static final DdlStatement ADD_COLUMN = DdlStatement.inTransaction("ALTER TABLE t ADD COLUMN note text");

    /** 100ms per attempt, retried within a 1s budget; pauses are recorded, not slept. */
    private static StatementRunner runner(List<Duration> pauses, StatementRunner.Listener listener) {
        StatementRunner.Settings settings = new StatementRunner.Settings(Duration.ofMillis(100), Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofMillis(400));
        return new StatementRunner(settings, new PostgresSessionTimeouts(), new Random(7), pauses::add, listener);
    }

    @Test
    void aLockHeldUntilTheBudgetIsSpentFailsClearlyAndChangesNothing() throws SQLException {
        try (LockedTable locked = LockedTable.open()) {
            List<Duration> pauses = new ArrayList<>();
            List<Integer> attempts = new ArrayList<>();
            StatementRunner runner = runner(pauses, (statement, attempt, pause, cause) -> attempts.add(attempt));
            locked.applier().setAutoCommit(false);
            try (Statement st = locked.applier().createStatement()) {
                st.execute("CREATE TABLE before_it (id int)"); // earlier work of the same transaction
            }
            LockNotAvailableException e = assertThrows(LockNotAvailableException.class, () -> runner.run(locked.applier(), ADD_COLUMN));
            assertEquals("55P03", e.getSQLState());
            assertTrue(e.getMessage().startsWith("could not get the lock it needs within lock_timeout 100ms, "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("ALTER TABLE t ADD COLUMN note text"), e.getMessage());
            assertFalse(attempts.isEmpty(), "it retried");
            assertEquals(attempts.size(), pauses.size());
            for (int i = 1; i < pauses.size(); i++) {
                assertTrue(pauses.get(i).toMillis() >= pauses.get(i - 1).toMillis() / 2, "backoff grows: " + pauses);
            }
            // The savepoint kept the transaction usable: its earlier work is still there and can commit.
            try (Statement st = locked.applier().createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM pg_class WHERE relname = 'before_it'")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            locked.applier().rollback();
            locked.holder().rollback();
            assertEquals(List.of("id"), columns(locked.db()));
        }
    }

    /** A statement of a saved plan waits for its lock as long as its own timeout says, not the runner's 100ms. */
    @Test
    void aStatementWithItsOwnTimeoutsRunsWithThem() throws SQLException {
        try (LockedTable locked = LockedTable.open()) {
            StatementRunner runner = runner(new ArrayList<>(), StatementRunner.Listener.NONE);
            DdlStatement own = ADD_COLUMN.withLimits(new StatementLimits(Duration.ofMillis(300), Duration.ZERO));
            LockNotAvailableException e = assertThrows(LockNotAvailableException.class, () -> runner.run(locked.applier(), own));
            assertTrue(e.getMessage().startsWith("could not get the lock it needs within lock_timeout 300ms, "),
                    e.getMessage());
            locked.holder().rollback();
            assertEquals(List.of("id"), columns(locked.db()));
        }
    }

    @Test
    void aLockReleasedDuringTheRetriesLetsTheStatementThrough() throws SQLException {
        try (LockedTable locked = LockedTable.open()) {
            List<Duration> pauses = new ArrayList<>();
            StatementRunner runner = runner(pauses, (statement, attempt, pause, cause) -> {
                try {
                    locked.holder().commit(); // the other session finishes while we back off
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            locked.applier().setAutoCommit(true); // outside a transaction, as CONCURRENTLY statements run
            runner.run(locked.applier(), DdlStatement.outsideTransaction("ALTER TABLE t ADD COLUMN note text"));
            assertEquals(1, pauses.size());
            assertEquals(List.of("id", "note"), columns(locked.db()));
        }
    }

    @Test
    void otherErrorsAreNotRetried() throws SQLException {
        try (LocalPostgres db = LocalPostgres.create("runner"); Connection applier = db.connect()) {
            List<Duration> pauses = new ArrayList<>();
            StatementRunner runner = runner(pauses, StatementRunner.Listener.NONE);
            SQLException e = assertThrows(SQLException.class, () -> runner.run(applier, ADD_COLUMN));
            assertEquals("42P01", e.getSQLState());
            assertEquals(List.of(), pauses);
        }
    }

    /**
     * A fresh database with a table t (id int) that the session {@code holder} keeps an ACCESS SHARE
     * lock on, what any running SELECT holds, and a second session {@code applier} to run statements.
     */
    private record LockedTable(LocalPostgres db, Connection holder, Connection applier) implements AutoCloseable {
        static LockedTable open() throws SQLException {
            LocalPostgres db = LocalPostgres.create("runner");
            try {
                Connection holder = db.connect();
                Connection applier = db.connect();
                db.execute("CREATE TABLE t (id int)");
                holder.setAutoCommit(false);
                try (Statement st = holder.createStatement()) {
                    st.execute("LOCK TABLE t IN ACCESS SHARE MODE");
                }
                return new LockedTable(db, holder, applier);
            } catch (SQLException | RuntimeException e) {
                db.close();
                throw e;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                applier.close();
                holder.close();
            } finally {
                db.close();
            }
        }
    }

    private static List<String> columns(LocalPostgres db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT attname FROM pg_attribute WHERE attrelid = 't'::regclass AND attnum > 0 AND NOT attisdropped"
                        + " ORDER BY attnum")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
