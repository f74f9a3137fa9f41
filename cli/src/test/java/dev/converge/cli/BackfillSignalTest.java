package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real converge process is stopped in the middle of an expand's backfill, by SIGINT (it stops at the
 * next batch, its checkpoint kept) and by SIGKILL (the open batch dies with the connection), and a new
 * {@code apply --phase expand} resumes after the last committed batch: the batches of both runs add up to
 * exactly those the table needs, and every row is copied once, on PostgreSQL and MariaDB. The same holds
 * for {@code apply --env --phase expand} stopped by SIGINT, which prints each batch with its target's name.
 * The files are examples/expand-contract's.
 */
@Tag("slow")
class BackfillSignalTest {
    private static final int ROWS = 3000;
    private static final int BATCH = 100;

    @TempDir
    Path dir;

    /**
     * A target database: its URL, a connection, and the pattern of its checkpoint's task name in
     * converge.backfills (on MySQL one table serves every database of the server).
     */
    private record Target(String url, AppLoop.Connector db, String task) {
    }

    @Test
    void sigintStopsAtACheckpointAndARerunResumesOnPostgres() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("expand_signal")) {
            interruptAndResume(new Target(Cli.url(db), db::connect, "%/public.people.display_name<-full_name"), "INT");
        }
    }

    @Test
    void sigkillLosesOnlyTheOpenBatchAndARerunResumesOnPostgres() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("expand_signal")) {
            interruptAndResume(new Target(Cli.url(db), db::connect, "%/public.people.display_name<-full_name"), "KILL");
        }
    }

    @Test
    void sigintStopsAtACheckpointAndARerunResumesOnMariadb() throws Exception {
        try (LocalMariadb.Database db = LocalMariadb.Database.create("expand_signal")) {
            interruptAndResume(new Target(db.url(), db::connect, db.name() + "/%.people.display_name<-full_name"), "INT");
        }
    }

    @Test
    void sigkillLosesOnlyTheOpenBatchAndARerunResumesOnMariadb() throws Exception {
        try (LocalMariadb.Database db = LocalMariadb.Database.create("expand_signal")) {
            interruptAndResume(new Target(db.url(), db::connect, db.name() + "/%.people.display_name<-full_name"), "KILL");
        }
    }

    @Test
    void sigintStopsAFleetExpandAtACheckpointAndARerunResumesOnPostgres() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("expand_signal")) {
            Target target = new Target(Cli.url(db), db::connect, "%/public.people.display_name<-full_name");
            interruptAndResume(target, "INT", fleetExpand(target, "postgres"));
        }
    }

    @Test
    void sigintStopsAFleetExpandAtACheckpointAndARerunResumesOnMariadb() throws Exception {
        try (LocalMariadb.Database db = LocalMariadb.Database.create("expand_signal")) {
            Target target = new Target(db.url(), db::connect, db.name() + "/%.people.display_name<-full_name");
            interruptAndResume(target, "INT", fleetExpand(target, "mysql"));
        }
    }

    private void interruptAndResume(Target db, String signal) throws Exception {
        interruptAndResume(db, signal, List.of("apply", "--url", db.url(),
                "--desired", RenameRollout.EXAMPLE.resolve("v2").toString(), "--shadow", "server", "--phase", "expand",
                "--auto-approve"));
    }

    /** {@code apply --env staging --phase expand} of a converge.yaml whose staging is the target alone. */
    private List<String> fleetExpand(Target db, String dialect) throws IOException {
        Path config = FleetProject.oneTarget(dir.resolve("converge.yaml"), dialect,
                RenameRollout.EXAMPLE.resolve("v2").toAbsolutePath().normalize(), "staging", db.url());
        return List.of("apply", "--env", "staging", "--config", config.toString(), "--phase", "expand", "--auto-approve");
    }

    /**
     * @param expand the command that expands the target, without its backfill's pace: on one URL, or on
     *               an environment (whose output names the target on each batch's line)
     */
    private void interruptAndResume(Target db, String signal, List<String> expand) throws Exception {
        String url = db.url();
        Cli.withServerShadow("apply", url, RenameRollout.EXAMPLE.resolve("v1").toString(),
                "--auto-approve").expectExit(0);
        try (Connection c = db.db().connect(); PreparedStatement st = c.prepareStatement("INSERT INTO people VALUES (?, ?)")) {
            for (int id = 1; id <= ROWS; id++) {
                st.setLong(1, id);
                st.setString(2, "name " + id);
                st.addBatch();
            }
            st.executeBatch();
        }

        Path log = dir.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(expand);
        command.addAll(List.of("--backfill-batch", Integer.toString(BATCH), "--backfill-pause", "300ms"));
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long stoppedAt;
        try {
            awaitBatches(db, child, log, 3);
            new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start().waitFor();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "converge exited on SIG" + signal + ": " + read(log));
        } finally {
            child.destroyForcibly();
        }
        String output = read(log);
        assertTrue(child.exitValue() != 0, output);
        if (signal.equals("INT")) {
            // One URL says so on a line of its own, an environment in the target's outcome.
            assertTrue(output.toLowerCase(Locale.ROOT).contains("backfill interrupted at a checkpoint"), output);
        }
        assertTrue(output.contains("people.full_name -> display_name: 1 batch, 100 rows updated"), output);
        assertEquals(expand.contains("--env"), output.contains("staging: Backfill "), "a fleet names the target: " + output);
        if (expand.contains("--env")) {
            assertTrue(output.contains("Rollout stopped: interrupted by a signal"), output);
        }
        stoppedAt = checkpoint(db, "batches");
        assertTrue(stoppedAt >= 3 && stoppedAt < ROWS / BATCH, "stopped after " + stoppedAt + " batches: " + output);
        assertEquals(0, checkpoint(db, "finished"), output);
        long copied = count(db, "display_name IS NOT NULL");
        assertEquals(stoppedAt * BATCH, copied, "exactly the committed batches are copied");

        List<String> again = new ArrayList<>(expand);
        again.addAll(List.of("--backfill-batch", Integer.toString(BATCH)));
        Cli.Result resumed = Cli.run(again.toArray(String[]::new)).expectExit(0);
        assertTrue(resumed.out().contains("people.full_name -> display_name: " + (stoppedAt + 1)
                + " batches"), "the first batch of the new run follows the checkpoint: " + resumed.all());
        assertEquals(ROWS / BATCH, checkpoint(db, "batches"), "no batch ran twice");
        assertEquals(ROWS, checkpoint(db, "rows_updated"), "no row was copied twice");
        assertEquals(0, count(db, "display_name IS NULL OR display_name <> full_name"));
    }

    /** Waits until the child has committed {@code batches} batches (or has ended, which fails the test). */
    private static void awaitBatches(Target db, Process child, Path log, long batches) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            assertTrue(child.isAlive(), "converge ended before it was stopped: " + read(log));
            try {
                if (checkpoint(db, "batches") >= batches) {
                    return;
                }
            } catch (SQLException notYet) {
                // the checkpoint table or row is not there yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + batches + " batches within 5 minutes: " + read(log));
    }

    /** A column of the target's checkpoint, as a number (finished: 0 or 1). */
    private static long checkpoint(Target db, String column) throws SQLException {
        try (Connection c = db.db().connect(); PreparedStatement st = c.prepareStatement(
                "SELECT " + column + " FROM converge.backfills WHERE task LIKE ?")) {
            st.setString(1, db.task());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no checkpoint yet");
                }
                return column.equals("finished") ? (rs.getBoolean(1) ? 1 : 0) : rs.getLong(1);
            }
        }
    }

    private static long count(Target db, String where) throws SQLException {
        try (Connection c = db.db().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM people WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
