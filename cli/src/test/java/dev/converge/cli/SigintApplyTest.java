package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGINT to a real converge process in the middle of an apply: the open group rolls back, the
 * checkpoint of the committed group stays, the history says "interrupted", and --resume finishes.
 */
class SigintApplyTest {
    private static final String BEFORE = """
            CREATE TYPE public.mood AS ENUM ('calm');
            CREATE TABLE public.customer (id int PRIMARY KEY, email text NOT NULL, mood public.mood);
            INSERT INTO public.customer SELECT g, 'c' || g || '@example.com', 'calm' FROM generate_series(1, 100) g;
            """;
    private static final String DESIRED = """
            CREATE TYPE public.mood AS ENUM ('calm', 'happy');
            CREATE TABLE public.customer (id int PRIMARY KEY, email text NOT NULL, mood public.mood, tier text);
            CREATE TABLE public.orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES public.customer (id));
            """;

    @TempDir
    Path dir;

    @Test
    void sigintMidApplyLeavesAResumableCheckpoint() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("cli_sigint")) {
            db.execute(BEFORE);
            Path schema = Files.createDirectories(dir.resolve("schema"));
            Files.writeString(schema.resolve("shop.sql"), DESIRED);
            Path plan = dir.resolve("plan.json");
            Cli.withServerShadow("plan", Cli.url(db), schema.toString(), "--out", plan.toString()).expectExit(0);
            String checksum = checksum(db);

            Process child;
            Path log = dir.resolve("child.log");
            try (Connection blocker = db.connect(); Statement st = blocker.createStatement()) {
                blocker.setAutoCommit(false);
                st.execute("LOCK TABLE public.customer IN ACCESS EXCLUSIVE MODE");
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                        "apply", plan.toString(), "--url", Cli.url(db), "--auto-approve")
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                try {
                    SavedPlanTest.awaitApplyBlocked(db);
                    new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
                    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "converge exited on SIGINT: " + read(log));
                } finally {
                    child.destroyForcibly();
                    blocker.rollback();
                }
            }
            String output = read(log);
            assertNotEquals(0, child.exitValue(), output);
            assertTrue(output.contains("interrupted"), output);
            assertTrue(output.contains("--resume"), output);

            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT status FROM converge.history ORDER BY id DESC LIMIT 1")) {
                    rs.next();
                    assertEquals("interrupted", rs.getString(1));
                }
                try (ResultSet rs = st.executeQuery("SELECT string_agg(step || ':' || status, ',' ORDER BY id)"
                        + " FROM converge.checkpoints")) {
                    rs.next();
                    assertTrue(rs.getString(1).equals("1:done,2:rolled back,3:rolled back"), rs.getString(1));
                }
                try (ResultSet rs = st.executeQuery("SELECT enum_range(NULL::public.mood)::text")) {
                    rs.next();
                    assertEquals("{calm,happy}", rs.getString(1), "the committed group stays");
                }
            }
            assertTrue(!PlanApplyEndToEndTest.tableExists(db, "public", "orders"), "the open group was rolled back");

            Cli.Result resumed = Cli.run("apply", "--resume", "--url", Cli.url(db)).expectExit(0);
            assertTrue(resumed.out().contains("Converged"), resumed.all());
            assertTrue(PlanApplyEndToEndTest.tableExists(db, "public", "orders"));
            assertEquals(checksum, checksum(db), "rows are untouched");
        }
    }

    private static String checksum(LocalPostgres db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT md5(string_agg(t::text, ',' ORDER BY id)) FROM"
                     + " (SELECT id, email, mood FROM public.customer) t")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
