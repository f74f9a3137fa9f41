package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved plans through the command line: plan --out, apply PLAN, stale and tampered plans, the lock, history. */
class SavedPlanTest {
    private static final String BEFORE = """
            CREATE TABLE public.customer (id int PRIMARY KEY, email text NOT NULL);
            INSERT INTO public.customer SELECT g, 'c' || g || '@example.com' FROM generate_series(1, 100) g;
            """;
    private static final String DESIRED = """
            CREATE TABLE public.customer (id int PRIMARY KEY, email text NOT NULL, tier text);
            CREATE TABLE public.orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES public.customer (id));
            CREATE INDEX orders_customer_idx ON public.orders (customer_id);
            """;

    @TempDir
    Path dir;

    /** A new target database holding {@link #BEFORE}. */
    private static LocalPostgres target(String name) {
        LocalPostgres db = LocalPostgres.create(name);
        db.execute(BEFORE);
        return db;
    }

    private Path desired() throws Exception {
        Path schema = dir.resolve("schema");
        Files.createDirectories(schema);
        Files.writeString(schema.resolve("shop.sql"), DESIRED);
        return schema;
    }

    private Path plan(LocalPostgres db) throws Exception {
        Path file = dir.resolve("plan.json");
        Cli.Result plan = Cli.withServerShadow("plan", Cli.url(db), desired().toString(),
                "--out", file.toString()).expectExit(0);
        assertTrue(Files.exists(file), plan.all());
        return file;
    }

    @Test
    void aSavedPlanAppliesExactlyAndHistoryTellsIt() throws Exception {
        try (LocalPostgres db = target("cli_saved")) {
            Path file = plan(db);
            JsonNode saved = new ObjectMapper().readTree(file.toFile());
            assertTrue(saved.get("integrity").asText().startsWith("sha256:"), saved.toString());
            assertFalse(Files.readString(file).contains("password"), "no credentials in a plan file");

            Cli.Result apply = Cli.run("apply", file.toString(), "--url", Cli.url(db), "--auto-approve").expectExit(0);
            assertTrue(apply.out().contains("Converged"), apply.all());

            Cli.Result again = Cli.run("apply", "--plan", file.toString(), "--url", Cli.url(db), "--auto-approve");
            assertEquals(3, again.exitCode(), "the same plan again is stale: " + again.all());

            Cli.Result history = Cli.run("history", "--url", Cli.url(db)).expectExit(0);
            assertTrue(history.out().contains("converged"), history.all());
            Cli.Result json = Cli.run("history", "--url", Cli.url(db), "--format", "json");
            JsonNode entries = new ObjectMapper().readTree(json.out());
            assertEquals(1, entries.size(), json.all());
            assertEquals(saved.get("steps").size(), entries.get(0).get("steps").asInt());
            long id = entries.get(0).get("id").asLong();
            Cli.Result show = Cli.run("history", "show", Long.toString(id), "--url", Cli.url(db)).expectExit(0);
            assertTrue(show.out().contains("CREATE INDEX orders_customer_idx"), show.all());
            assertTrue(show.out().contains("[done]"), show.all());
        }
    }

    /** Every statement of the plan file carries the timeouts plan was given; apply runs it with them. */
    @Test
    void eachSavedStatementCarriesItsTimeouts() throws Exception {
        try (LocalPostgres db = target("cli_saved")) {
            Path file = dir.resolve("plan.json");
            Cli.Result plan = Cli.withServerShadow("plan", Cli.url(db), desired().toString(), "--out", file.toString(),
                    "--lock-timeout", "1200", "--statement-timeout", "60000").expectExit(0);
            JsonNode steps = new ObjectMapper().readTree(file.toFile()).get("steps");
            int statements = 0;
            for (JsonNode step : steps) {
                for (JsonNode statement : step.get("statements")) {
                    assertEquals(1200, statement.get("lockTimeoutMillis").asLong(), statement.toString());
                    assertEquals(60000, statement.get("statementTimeoutMillis").asLong(), statement.toString());
                    statements++;
                }
            }
            assertTrue(statements > 0, steps.toString());
            Cli.Result apply = Cli.run("apply", file.toString(), "--url", Cli.url(db), "--auto-approve").expectExit(0);
        }
    }

    @Test
    void aPlanMadeBeforeAHandEditIsRefused() throws Exception {
        try (LocalPostgres db = target("cli_stale")) {
            Path file = plan(db);
            db.execute("ALTER TABLE public.customer ADD COLUMN nickname text");
            Cli.Result apply = Cli.run("apply", file.toString(), "--url", Cli.url(db), "--auto-approve").expectExit(3);
            assertTrue(apply.err().contains("changed since the plan was made"), apply.all());
            assertTrue(apply.err().contains("public.customer.nickname"), apply.all());
            assertTrue(apply.err().contains("converge plan --out"), apply.all());
            assertFalse(PlanApplyEndToEndTest.tableExists(db, "public", "orders"), "nothing was applied");
        }
    }

    @Test
    void anEditedPlanFileIsRefused() throws Exception {
        try (LocalPostgres db = target("cli_tamper")) {
            Path file = plan(db);
            Files.writeString(file, Files.readString(file).replace("orders_customer_idx ON", "orders_customer_idx2 ON"));
            Cli.Result apply = Cli.run("apply", file.toString(), "--url", Cli.url(db), "--auto-approve").expectExit(3);
            assertTrue(apply.err().contains("integrity"), apply.all());
            assertFalse(PlanApplyEndToEndTest.tableExists(db, "public", "orders"), "nothing was applied");
        }
    }

    @Test
    void aSecondApplyWaitsForTheLockThenFailsSayingWhoHoldsIt() throws Exception {
        try (LocalPostgres db = target("cli_lock")) {
            Path file = plan(db);
            CompletableFuture<Cli.Result> first;
            try (Connection blocker = db.connect(); Statement st = blocker.createStatement()) {
                // Holding a lock on the table keeps the first apply busy (blocked on its first step).
                blocker.setAutoCommit(false);
                st.execute("LOCK TABLE public.customer IN ACCESS EXCLUSIVE MODE");
                first = CompletableFuture.supplyAsync(() -> Cli.run("apply", file.toString(), "--url", Cli.url(db),
                        "--auto-approve"));
                awaitApplyBlocked(db);
                Cli.Result second = Cli.run("apply", file.toString(), "--url", Cli.url(db), "--auto-approve",
                        "--lock-wait", "300ms").expectExit(1);
                assertTrue(second.err().contains("another apply holds the lock"), second.all());
                assertTrue(second.err().contains("held by server process"), second.all());
                assertTrue(second.err().contains("converge apply"), second.all());
                assertTrue(second.err().contains("since"), second.all());
                blocker.rollback();
            }
            first.get(60, TimeUnit.SECONDS).expectExit(0);
        }
    }

    /** Duplicates that arrive after the plan was made (its pre-checks passed) fail the apply, which rolls back. */
    @Test
    void aUniqueIndexOverDuplicatesRollsBackAndSaysWhereTheTargetIs() throws Exception {
        try (LocalPostgres db = target("cli_dup")) {
            Path schema = desired();
            Files.writeString(schema.resolve("shop.sql"), DESIRED + "CREATE UNIQUE INDEX customer_email ON public.customer (email);\n");
            Path file = dir.resolve("plan.json");
            Cli.Result plan = Cli.withServerShadow("plan", Cli.url(db), schema.toString(),
                    "--out", file.toString()).expectExit(0);
            db.execute("UPDATE public.customer SET email = 'same@example.com' WHERE id <= 2;");
            Cli.Result apply = Cli.run("apply", file.toString(), "--url", Cli.url(db), "--auto-approve").expectExit(1);
            assertTrue(apply.err().contains("could not create unique index"), apply.all());
            // The index on an existing table is built CONCURRENTLY (outside a transaction): steps 1-2 committed
            // first, and are undone by their inverse statements.
            assertTrue(apply.err().contains("Steps 1-2 were committed"), apply.all());
            assertTrue(apply.err().contains("steps 4-5 did not run."), apply.all());
            assertTrue(apply.err().contains("Undone by their inverse statements: steps 2, 1."), apply.all());
            assertTrue(apply.err().contains("The target is as it was before the apply."), apply.all());
            assertFalse(PlanApplyEndToEndTest.tableExists(db, "public", "orders"), "nothing stays");
            assertFalse(PlanApplyEndToEndTest.tableExists(db, "public", "customer_email"), "no INVALID index stays");
            Cli.Result resume = Cli.run("apply", "--resume", "--url", Cli.url(db)).expectExit(64);
            assertTrue(resume.err().contains("nothing to resume"), resume.all());
            assertTrue(resume.err().contains("rolled back"), resume.all());
        }
    }

    @Test
    void theHistoryNamesTheGitCommitOfTheDesiredFiles() throws Exception {
        try (LocalPostgres db = target("cli_git")) {
            Path schema = desired();
            git(schema, "init", "-q");
            git(schema, "add", ".");
            git(schema, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "schema");
            String head = new String(new ProcessBuilder("git", "-C", schema.toString(), "rev-parse", "HEAD").start()
                    .getInputStream().readAllBytes()).strip();
            Path file = plan(db);
            assertEquals(head, new ObjectMapper().readTree(file.toFile()).get("gitCommit").asText());
            Cli.Result apply = Cli.run("apply", file.toString(), "--url", Cli.url(db), "--auto-approve").expectExit(0);
            Cli.Result json = Cli.run("history", "--url", Cli.url(db), "--format", "json");
            assertEquals(head, new ObjectMapper().readTree(json.out()).get(0).get("gitCommit").asText(), json.all());
        }
    }

    private static void git(Path dir, String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = dir.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor(), String.join(" ", command));
    }

    /** Waits until a session of the applier waits on a lock. */
    static void awaitApplyBlocked(LocalPostgres db) throws Exception {
        for (int i = 0; i < 600; i++) {
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 // Waiting on a table lock in a step's DDL: not in a read before the apply starts, which a
                 // loaded machine can also catch waiting.
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name ="
                         + " 'converge apply' AND wait_event_type = 'Lock' AND wait_event = 'relation'"
                         + " AND query ~* '^\\s*(ALTER|CREATE|DROP)'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the apply never blocked on the table lock");
    }
}
