package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running application: inserts new people and renames existing ones, one statement at a
 * time in autocommit, through the old column name, the new one, or both alternately, and keeps
 * what each row should hold. Every failed statement is counted.
 */
final class AppLoop implements AutoCloseable {
    /** Opens the application's connection. */
    interface Connector {
        Connection connect() throws SQLException;
    }

    /**
     * The names the application's two statements use, old or new: an insert with parameters id and
     * value, an update with parameters value and id. With a {@code newDefault}, the new release's insert
     * leaves the column out (its only parameter is the id) and relies on the column's default, that value.
     */
    record Statements(String oldTable, String newTable, String oldColumn, String newColumn, String newDefault) {
        /** The column rename of examples/expand-contract: people.full_name became display_name. */
        static final Statements COLUMN_RENAME = new Statements("people", "people", "full_name", "display_name");

        Statements(String oldTable, String newTable, String oldColumn, String newColumn) {
            this(oldTable, newTable, oldColumn, newColumn, null);
        }

        /** Whether the insert of that release leaves the column to its default. */
        boolean omitsColumn(boolean old) {
            return !old && newDefault != null;
        }

        String insert(boolean old) {
            if (omitsColumn(old)) {
                return "INSERT INTO " + newTable + " (id) VALUES (?)";
            }
            return "INSERT INTO " + (old ? oldTable : newTable) + " (id, " + (old ? oldColumn : newColumn) + ") VALUES (?, ?)";
        }

        String update(boolean old) {
            return "UPDATE " + (old ? oldTable : newTable) + " SET " + (old ? oldColumn : newColumn) + " = ? WHERE id = ?";
        }
    }

    private final Connector db;
    private final Statements statements;
    private final Map<Long, String> expected = new TreeMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean useOld = true;
    private volatile boolean useNew;
    private long nextId;
    private long writes;
    private long throughOld;
    private long throughNew;
    private int failures;
    private String firstFailure = "";

    AppLoop(Connector db, int rows) {
        this(db, rows, Statements.COLUMN_RENAME);
    }

    AppLoop(Connector db, int rows, Statements statements) {
        this.db = db;
        this.statements = statements;
        this.nextId = rows + 1;
        for (long id = 1; id <= rows; id++) {
            expected.put(id, "name " + id);
        }
        this.thread = new Thread(this::loop, "expand-app-loop");
    }

    /** A row the test changed before the loop starts: {@code value} is what it should hold at the end. */
    synchronized void expect(long id, String value) {
        expected.put(id, value);
    }

    void start() {
        thread.start();
    }

    void useNewName(boolean on) {
        useNew = on;
    }

    void useOldName(boolean on) {
        useOld = on;
    }

    private void loop() {
        try (Connection c = db.connect()) {
            long n = 0;
            // Bounded, whatever the test does: a quarter of an hour of writes. Five minutes was too short
            // once, in a full CI run where the expand apply took longer and the loop stopped before the
            // test switched to the new name; the test then failed for the loop, not for Converge.
            long deadline = System.nanoTime() + 900_000_000_000L;
            while (running && System.nanoTime() < deadline) {
                n++;
                boolean old = useOld && (!useNew || n % 2 == 0);
                try {
                    if (n % 3 == 0) {
                        long id = nextId;
                        boolean omits = statements.omitsColumn(old);
                        String value = omits ? statements.newDefault() : "new " + id;
                        try (PreparedStatement st = c.prepareStatement(statements.insert(old))) {
                            st.setLong(1, id);
                            if (!omits) {
                                st.setString(2, value);
                            }
                            st.executeUpdate();
                        }
                        nextId++;
                        record(id, value, old);
                    } else {
                        long id = 1 + (n * 7919) % (nextId - 1);
                        String value = "renamed " + n;
                        try (PreparedStatement st = c.prepareStatement(statements.update(old))) {
                            st.setString(1, value);
                            st.setLong(2, id);
                            st.executeUpdate();
                        }
                        record(id, value, old);
                    }
                } catch (SQLException e) {
                    synchronized (this) {
                        if (failures++ == 0) {
                            firstFailure = e.getMessage();
                        }
                    }
                }
                Thread.sleep(2);
            }
        } catch (SQLException | InterruptedException e) {
            synchronized (this) {
                failures++;
                firstFailure = String.valueOf(e.getMessage());
            }
        }
    }

    private synchronized void record(long id, String value, boolean old) {
        expected.put(id, value);
        writes++;
        if (old) {
            throughOld++;
        } else {
            throughNew++;
        }
        notifyAll();
    }

    synchronized void awaitWrites(long more) throws InterruptedException {
        long until = writes + more;
        long deadline = System.currentTimeMillis() + 60_000;
        while (writes < until && System.currentTimeMillis() < deadline && failures == 0) {
            wait(1000);
        }
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join(30_000);
    }

    /** Stops the loop; fails the test when any of its statements failed, naming the first. */
    void stopWithoutFailure() throws InterruptedException {
        stop();
        synchronized (this) {
            assertEquals(0, failures, firstFailure);
        }
    }

    synchronized long writesThroughOld() {
        return throughOld;
    }

    synchronized long writesThroughNew() {
        return throughNew;
    }

    synchronized Map<Long, String> expected() {
        return new TreeMap<>(expected);
    }

    @Override
    public synchronized String toString() {
        return "writes " + writes + " (old name " + throughOld + ", new name " + throughNew + "), failures " + failures;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** The rows of the people table as they are: id to the value of {@code column}. */
    static Map<Long, String> rows(Connection c, String column) throws SQLException {
        return rows(c, "people", column);
    }

    /** The rows of {@code table} as they are: id to the value of {@code column}. */
    static Map<Long, String> rows(Connection c, String table, String column) throws SQLException {
        Map<Long, String> rows = new TreeMap<>();
        try (java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT id, " + column + " FROM " + table)) {
            while (rs.next()) {
                rows.put(rs.getLong(1), rs.getString(2));
            }
        }
        return rows;
    }
}
