package dev.converge.dialect.postgres.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.sql.PostgresExpandContractSql;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.phase.Backfill;
import dev.converge.engine.plan.phase.ColumnSync;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A backfill stopped at a safe point (SIGINT) or cut off (a killed process:
 * its connection aborted) resumes after its last committed batch: the batches add up to exactly
 * the number the table needs, and every row is copied. Keys are compared in their own type's order
 * (5, 10, ... 5000: text order would put 10 before 5).
 */
class BackfillResumeTest {
    private static final PostgresExpandContractSql SQL = new PostgresExpandContractSql();
    private static final ColumnSync SYNC = new ColumnSync(QualifiedName.of("public", "t"), "a", "b", "id", "bigint");
    private static final Backfill.Settings BATCHES_OF_100 = new Backfill.Settings(100, Duration.ZERO, Duration.ofSeconds(30));

    @Test
    void aStoppedBackfillResumesAfterItsLastBatch() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("expand_backfill"); Connection c = db.connect()) {
            prepare(db, c);
            Backfill dry = new Backfill(SQL, BATCHES_OF_100, Backfill.Listener.NONE, () -> false);
            assertEquals(10, dry.batchesLeft(c, SYNC));

            AtomicInteger batches = new AtomicInteger();
            Backfill stopping = new Backfill(SQL, BATCHES_OF_100, (s, n, rows, done) -> batches.incrementAndGet(),
                    () -> batches.get() >= 3);
            Backfill.Checkpoint stopped = stopping.run(c, SYNC);
            assertFalse(stopped.finished());
            assertEquals(3, stopped.batches());
            assertEquals("1500", stopped.lastKey());
            assertEquals(300, count(c, "b IS NOT NULL"));
            assertEquals(7, dry.batchesLeft(c, SYNC));

            Backfill.Checkpoint resumed = new Backfill(SQL, BATCHES_OF_100, Backfill.Listener.NONE, () -> false).run(c, SYNC);
            assertTrue(resumed.finished());
            assertEquals(10, resumed.batches(), "no batch ran twice");
            assertEquals(1000, resumed.rowsUpdated());
            assertEquals(0, count(c, "b IS DISTINCT FROM a"));
            assertEquals(0, dry.batchesLeft(c, SYNC));
        }
    }

    @Test
    void aBackfillWhoseConnectionDiesResumesAfterItsLastCommittedBatch() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("expand_backfill_kill")) {
            try (Connection c = db.connect()) {
                prepare(db, c);
            }
            Connection doomed = db.connect();
            AtomicInteger batches = new AtomicInteger();
            // After the third batch the connection dies, as a killed process's does.
            Backfill killed = new Backfill(SQL, BATCHES_OF_100, (s, n, rows, done) -> {
                if (batches.incrementAndGet() == 3) {
                    try {
                        doomed.abort(Runnable::run);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, () -> false);
            assertThrows(SQLException.class, () -> killed.run(doomed, SYNC));
            try (Connection c = db.connect()) {
                Backfill resume = new Backfill(SQL, BATCHES_OF_100, Backfill.Listener.NONE, () -> false);
                assertEquals(3, resume.checkpoint(c, SYNC).batches());
                Backfill.Checkpoint done = resume.run(c, SYNC);
                assertEquals(10, done.batches(), "no batch ran twice");
                assertEquals(0, count(c, "b IS DISTINCT FROM a"));
            }
        }
    }

    private static void prepare(LocalPostgres db, Connection c) throws SQLException {
        db.execute("CREATE TABLE t (id bigint PRIMARY KEY, a text NOT NULL);"
                + " INSERT INTO t SELECT g * 5, 'v' || g FROM generate_series(1, 1000) g;"
                + " ALTER TABLE t ADD COLUMN b text");
        try (Statement st = c.createStatement()) {
            for (DdlStatement ddl : SQL.createColumnSync(SYNC.table(), "a", "b", ColumnSync.marker("a", "b"))) {
                st.execute(ddl.sql());
            }
        }
    }

    private static long count(Connection c, String where) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM t WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
