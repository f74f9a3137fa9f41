package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.mysql.sql.MysqlExpandContractSql;
import dev.converge.dialect.postgres.sql.PostgresExpandContractSql;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.phase.Backfill;
import dev.converge.engine.plan.phase.ColumnSync;
import dev.converge.engine.spi.ExpandContractSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A backfill walks a UUID-keyed table to the last key there was when it started and stops there,
 * although the application keeps inserting rows whose keys sort after it: the server compares the keys
 * with the bound, so a key the engine cannot read as a number stops as an integer key does. Before,
 * such a backfill chased the inserts for as long as they came.
 */
class BackfillKeyBoundTest {
    private static final int ROWS = 1000;
    private static final Backfill.Settings BATCHES_OF_100 = new Backfill.Settings(100, Duration.ZERO, Duration.ofSeconds(30));

    @Test
    void postgres() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("expand_uuid_bound")) {
            backfillStopsAtItsBound(db::connect, new PostgresExpandContractSql(), QualifiedName.of("public", "t"),
                    "CAST(? AS uuid)");
        }
    }

    @Test
    void mysql() throws Exception {
        try (LocalMariadb.Database db = LocalMariadb.Database.create("expand_uuid_bound")) {
            backfillStopsAtItsBound(db::connect, new MysqlExpandContractSql(), QualifiedName.of(db.name(), "t"), "?");
        }
    }

    /**
     * Integer keys past 2^53 (a bigint from a sequence seeded high, or a snowflake id) travel as text: were
     * the server to compare them with the column as doubles, neighbouring keys would be equal and batches
     * of one would skip rows. MariaDB compares them exactly: each key is its own batch, every row copied.
     */
    @Test
    void mysqlIntegerKeysPastTwoToThe53rd() throws Exception {
        try (LocalMariadb.Database db = LocalMariadb.Database.create("expand_big_keys");
             Connection c = db.connect(); Statement st = c.createStatement()) {
            QualifiedName table = QualifiedName.of(db.name(), "t");
            st.execute("CREATE TABLE t (id bigint NOT NULL PRIMARY KEY, a varchar(100) NOT NULL, b varchar(100))");
            long first = (1L << 53) + 1;
            for (long id = first; id < first + 10; id++) {
                st.execute("INSERT INTO t (id, a) VALUES (" + id + ", 'v" + id + "')");
            }
            Backfill backfill = new Backfill(new MysqlExpandContractSql(),
                    new Backfill.Settings(1, Duration.ZERO, Duration.ofSeconds(30)), (task, batches, rows, finished) -> {
                    }, () -> false);
            Backfill.Checkpoint done = backfill.run(c, new ColumnSync(table, "a", "b", "id", "bigint"));
            assertTrue(done.finished());
            assertEquals(10, done.batches(), "one batch per key");
            assertEquals(10, done.rowsUpdated());
            assertEquals(0, count(c, "b IS NULL OR b <> a"), "every row copied");
        }
    }

    /** @param keyParameter how an insert passes a key as text (PostgreSQL does not convert text to uuid by itself) */
    private static void backfillStopsAtItsBound(AppLoop.Connector db, ExpandContractSql sql, QualifiedName table,
            String keyParameter) throws Exception {
        ColumnSync sync = new ColumnSync(table, "a", "b", "id", "uuid");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id uuid NOT NULL PRIMARY KEY, a varchar(100) NOT NULL, b varchar(100))");
            try (PreparedStatement insert = c.prepareStatement(insert(keyParameter))) {
                for (int n = 1; n <= ROWS; n++) {
                    insert.setString(1, key(n));
                    insert.setString(2, "v" + n);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            for (DdlStatement ddl : sql.createColumnSync(table, "a", "b", ColumnSync.marker("a", "b"))) {
                st.execute(ddl.sql());
            }
        }
        try (Inserts app = new Inserts(db, insert(keyParameter)); Connection c = db.connect()) {
            // From the first batch on, each batch waits for the application to insert rows after the bound.
            Backfill backfill = new Backfill(sql, BATCHES_OF_100, (task, batches, rows, finished) -> app.startAndAwaitInserts(2),
                    () -> false);
            Backfill.Checkpoint done = backfill.run(c, sync);
            app.stop();
            assertTrue(done.finished());
            assertEquals(ROWS / 100, done.batches(), "the backfill stopped at its bound, not after the new rows");
            assertEquals(ROWS, done.rowsUpdated());
            assertFalse(app.outcome().startsWith("failed"), app.outcome());
            assertTrue(app.inserted() >= ROWS / 100, "rows were inserted while the backfill ran: " + app.outcome());
            assertEquals(ROWS + app.inserted(), count(c, "1 = 1"));
            assertEquals(0, count(c, "b IS NULL OR b <> a"), "every row in step, by the backfill or the sync");
        }
    }

    /** The application: inserts rows through the old column, with keys after every key there was. */
    private static final class Inserts implements AutoCloseable {
        private final AppLoop.Connector db;
        private final String insert;
        private final Thread thread = new Thread(this::loop, "uuid-inserts");
        private volatile boolean running = true;
        private long inserted;
        private String failure;

        Inserts(AppLoop.Connector db, String insert) {
            this.db = db;
            this.insert = insert;
        }

        synchronized void startAndAwaitInserts(long more) {
            if (thread.getState() == Thread.State.NEW) {
                thread.start();
            }
            long until = inserted + more;
            long deadline = System.currentTimeMillis() + 30_000;
            try {
                while (inserted < until && failure == null && System.currentTimeMillis() < deadline) {
                    wait(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void loop() {
            try (Connection c = db.connect(); PreparedStatement insert = c.prepareStatement(this.insert)) {
                for (long n = ROWS + 1; running; n++) {
                    insert.setString(1, key(n));
                    insert.setString(2, "v" + n);
                    insert.executeUpdate();
                    synchronized (this) {
                        inserted++;
                        notifyAll();
                    }
                }
            } catch (SQLException e) {
                synchronized (this) {
                    failure = String.valueOf(e.getMessage());
                    notifyAll();
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(30_000);
        }

        /** How many rows the application inserted, or why it stopped inserting. */
        synchronized String outcome() {
            return failure == null ? inserted + " rows inserted" : "failed: " + failure;
        }

        synchronized long inserted() {
            return inserted;
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }

    private static String insert(String keyParameter) {
        return "INSERT INTO t (id, a) VALUES (" + keyParameter + ", ?)";
    }

    /** Keys that sort in insertion order under any order of the UUID's groups. */
    private static String key(long n) {
        return String.format("%08x-0000-4000-8000-%012x", n, n);
    }

    private static long count(Connection c, String where) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM t WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
