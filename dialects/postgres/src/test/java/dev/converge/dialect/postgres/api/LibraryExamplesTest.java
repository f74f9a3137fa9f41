package dev.converge.dialect.postgres.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.api.ApplyOutcome;
import dev.converge.api.Converge;
import dev.converge.api.ConvergePlan;
import dev.converge.api.ConvergeProject;
import dev.converge.api.Desired;
import dev.converge.api.EnvironmentPlan;
import dev.converge.api.EnvironmentSurvey;
import dev.converge.api.FleetOutcome;
import dev.converge.api.Format;
import dev.converge.api.HistoryRecord;
import dev.converge.api.LintFinding;
import dev.converge.api.LintReport;
import dev.converge.api.Policy;
import dev.converge.api.Step;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of docs/library.md, run against the local PostgreSQL: every snippet between
 * {@code tag::NAME} and {@code end::NAME} appears in that page verbatim ({@link #theDocsShowTheseExamples}),
 * so the page cannot drift from code that compiles and runs.
 */
class LibraryExamplesTest {
    @TempDir
    Path dir;

    @Test
    void planSaveLoadAndApplyWithTheEmbeddedShadow() throws IOException {
        try (LocalPostgres db = LocalPostgres.create("api")) {
            String url = db.jdbcUrl();
            Path schema = write("schema/orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, note text);").getParent();
            Path planFile = dir.resolve("plan.json");
            // tag::plan[]
            Converge target = Converge.target(url);                 // postgresql://... or jdbc:...
            ConvergePlan plan = target.plan(Desired.directory(schema));
            System.out.print(plan.render(Format.TEXT));              // or MARKDOWN, JSON
            for (Step step : plan.steps()) {
                System.out.println(step.number() + " " + step.description() + " " + step.hazards());
            }
            plan.save(planFile);                                      // reviewed, then applied exactly
            ApplyOutcome outcome = target.apply(ConvergePlan.load(planFile));
            // end::plan[]
            assertEquals(1, plan.steps().size());
            assertTrue(plan.render(Format.MARKDOWN).contains("orders"), plan.render(Format.MARKDOWN));
            assertTrue(outcome.converged(), outcome.toString());
            assertTrue(target.serverShadow().isConverged(Desired.directory(schema)));
        }
    }

    @Test
    void aDestructivePlanIsRefusedWithoutAnAllowanceAndAppliedWithIt() throws IOException {
        try (LocalPostgres db = LocalPostgres.create("api")) {
            db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, legacy text); INSERT INTO orders VALUES (1, 'x');");
            String url = db.jdbcUrl();
            Path schema = write("schema/orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);").getParent();
            // tag::policy[]
            Converge target = Converge.target(url).serverShadow();
            try {
                target.apply(Desired.directory(schema));            // drops orders.legacy: refused
            } catch (ConvergeException refused) {
                System.err.println(refused.getMessage());             // each step, why, what allows it
            }
            target.policy(Policy.DEFAULT.allowingDestructive()).apply(Desired.directory(schema));
            // end::policy[]
            assertTrue(target.isConverged(Desired.directory(schema)), "the allowed drop ran");
        }
    }

    @Test
    void theRefusalIsTheCliMessageAndNothingIsTouched() throws IOException {
        try (LocalPostgres db = LocalPostgres.create("api")) {
            db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, legacy text);");
            Converge target = Converge.target(db.jdbcUrl()).serverShadow();
            Desired desired = Desired.file(write("orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);"));
            ConvergePlan plan = target.plan(desired);
            ConvergeException refused = assertThrows(ConvergeException.class, () -> target.apply(plan));
            assertEquals(ErrorKind.REFUSED, refused.kind());
            assertTrue(refused.getMessage().startsWith("refusing to apply: 1 step is not allowed:"), refused.getMessage());
            assertTrue(refused.getMessage().contains("allow with --allow-destructive"), refused.getMessage());
            assertEquals(List.of(), target.history(10), "nothing was recorded: nothing ran");
            assertEquals(1, plan.refusals(Policy.DEFAULT).size(), plan.refusals(Policy.DEFAULT).toString());
            assertEquals(List.of(), plan.refusals(Policy.DEFAULT.allowingHazards("DATA_LOSS")));

            ApplyOutcome outcome = target.policy(Policy.DEFAULT.allowingDestructive()).apply(plan);
            assertTrue(outcome.converged());
            List<HistoryRecord> history = target.history(10);
            assertEquals(1, history.size());
            assertEquals("converged", history.get(0).status());
        }
    }

    @Test
    void desiredStateFromTheClasspathAFileListAndAnotherDatabase() throws IOException {
        try (LocalPostgres db = LocalPostgres.create("api"); LocalPostgres model = LocalPostgres.create("apimodel")) {
            // tag::desired[]
            Desired fromResources = Desired.classpath("library-example/schema");
            // Desired.directory(Path.of("src/main/sql")), Desired.file(...), Desired.files(List.of(...)),
            // Desired.url(new URL("https://...")), Desired.database("postgresql://.../model") work alike.
            // end::desired[]
            Converge target = Converge.target(db.jdbcUrl()).serverShadow();
            assertTrue(target.apply(fromResources).converged());
            Path a = write("list/b_customers.sql", "CREATE TABLE customers (id bigint PRIMARY KEY);");
            Path b = write("list/a_refs.sql", "ALTER TABLE orders ADD COLUMN customer_id bigint REFERENCES customers;");
            Path c = write("list/c_orders.sql", Files.readString(Path.of("src/test/resources/library-example/schema/orders.sql")));
            Desired listed = Desired.files(List.of(c, a, b));
            ConvergePlan plan = target.plan(listed);
            assertTrue(plan.steps().stream().anyMatch(st -> st.description().contains("customers")),
                    plan.render(Format.TEXT));
            assertTrue(target.apply(plan).converged());
            model.execute("CREATE TABLE orders (id bigint PRIMARY KEY)");
            ConvergePlan fromDb = Converge.target(db.jdbcUrl()).plan(Desired.database(model.jdbcUrl()));
            assertTrue(fromDb.steps().stream().anyMatch(Step::isDestructive), fromDb.render(Format.TEXT));
        }
    }

    @Test
    void fleetsThroughTheSameEntryPoint() throws IOException {
        try (LocalPostgres db = LocalPostgres.create("apifleet")) {
            write("project/schema/orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);");
            Path config = write("project/converge.yaml", "dialect: postgres\ndesired: schema\nshadow: server\n"
                    + "environments:\n  dev:\n    url: " + db.jdbcUrl() + "\n");
            // tag::fleet[]
            ConvergeProject project = Converge.project(config);
            EnvironmentPlan dev = project.plan("dev");
            System.out.print(dev.text());
            FleetOutcome applied = project.apply("dev");
            EnvironmentPlan drift = project.drift("dev");             // drift told apart from pending
            // end::fleet[]
            assertTrue(dev.hasChanges());
            assertTrue(applied.allConverged(), applied.summary());
            assertFalse(drift.hasChanges());
            assertFalse(drift.hasDrift());
            db.execute("ALTER TABLE orders ADD COLUMN made_by_hand int");
            assertTrue(project.drift("dev").hasDrift(), project.drift("dev").text());

            Path report = dir.resolve("report.html");
            // tag::survey[]
            List<EnvironmentSurvey> all = project.surveyEach(project.environments(List.of()), true, System.err::println);
            System.out.print(EnvironmentSurvey.statusText(all));                    // converge status
            Files.writeString(report, EnvironmentSurvey.html(all, Instant.now()));   // converge report
            // end::survey[]
            assertEquals(List.of("dev"), all.stream().map(EnvironmentSurvey::name).toList());
            assertTrue(all.get(0).complete() && all.get(0).drifted(), all.get(0).driftText());
            assertTrue(EnvironmentSurvey.statusText(all).contains("drifted"), EnvironmentSurvey.statusText(all));
            assertTrue(Files.readString(report).contains("made_by_hand"), "the report shows the drift");
            assertTrue(all.get(0).releaseNote().startsWith("dev: "), all.get(0).releaseNote());
            ConvergeException unknown = assertThrows(ConvergeException.class, () -> project.environments(List.of("qa")));
            assertEquals(ErrorKind.USAGE, unknown.kind());
        }
    }

    @Test
    void lintTheDesiredStateAndItsPlan() throws IOException {
        try (LocalPostgres db = LocalPostgres.create("apilint")) {
            String url = db.jdbcUrl();
            Path schema = write("lint/orders.sql", "CREATE TABLE orders (id bigint, placed_at timestamp);").getParent();
            // tag::lint[]
            Converge target = Converge.target(url);
            LintReport report = target.lint(Desired.directory(schema), Map.of("serial-column", "off"));
            for (LintFinding finding : report.findings()) {
                System.out.println(finding.severity() + " " + finding.rule() + " " + finding.object()
                        + " " + finding.file() + ":" + finding.line());
            }
            Files.writeString(dir.resolve("lint.sarif"), report.sarif());    // for code scanning
            // end::lint[]
            assertTrue(report.findings().stream().anyMatch(f -> f.rule().equals("no-primary-key")
                    && f.object().endsWith("orders") && f.line() == 1), report.text());
            assertTrue(report.sarif().contains("\"no-primary-key\""), report.sarif());
            ConvergeException unknown = assertThrows(ConvergeException.class,
                    () -> target.lint(Desired.directory(schema), Map.of("no-such-rule", "off")));
            assertEquals(ErrorKind.USAGE, unknown.kind());
            assertEquals("0", db.value("SELECT count(*) FROM pg_tables WHERE tablename = 'orders'"),
                    "lint only reads the target");
        }
    }

    /**
     * An apply cut off between two steps (its session killed while the index build waits for a lock the
     * test holds) stays resumable: step 1 is committed and checkpointed, nobody could undo it.
     * {@code resume()} finishes it.
     */
    @Test
    void anApplyCutOffAtACheckpointIsResumed() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("apiresume")) {
            db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, code text)");
            String url = db.jdbcUrl();
            Path schema = write("resume/orders.sql", "CREATE TABLE customers (id bigint PRIMARY KEY);\n"
                    + "CREATE TABLE orders (id bigint PRIMARY KEY, code text);\n"
                    + "CREATE INDEX orders_code ON orders (code);").getParent();
            Converge target = Converge.target(url).serverShadow();
            ConvergePlan plan = target.plan(Desired.directory(schema));
            try (java.sql.Connection holder = db.connect(); java.sql.Connection killer = db.connect()) {
                holder.setAutoCommit(false);
                holder.createStatement().execute("LOCK TABLE orders IN SHARE ROW EXCLUSIVE MODE");
                java.util.concurrent.CompletableFuture<ApplyOutcome> apply =
                        java.util.concurrent.CompletableFuture.supplyAsync(() -> target.apply(plan));
                killWhenWaiting(killer, db.database());
                java.util.concurrent.ExecutionException cut = assertThrows(java.util.concurrent.ExecutionException.class,
                        apply::get);
                assertTrue(cut.getCause() instanceof ConvergeException, String.valueOf(cut.getCause()));
                holder.rollback();
            }
            assertEquals("1", db.value("SELECT count(*) FROM pg_tables WHERE tablename = 'customers'"),
                    "step 1 was committed before the cut");
            // tag::resume[]
            ApplyOutcome resumed = target.resume();                   // converge apply --resume
            // end::resume[]
            assertTrue(resumed.converged(), resumed.toString());
            assertTrue(target.isConverged(Desired.directory(schema)));
        }
    }

    /** Terminates the session of {@code database} whose index build waits for a lock (within 60 s). */
    private static void killWhenWaiting(java.sql.Connection killer, String database) throws Exception {
        String find = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                + "' AND wait_event_type = 'Lock' AND query LIKE 'CREATE INDEX%'";
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (java.sql.Statement st = killer.createStatement(); java.sql.ResultSet rs = st.executeQuery(find)) {
                if (rs.next()) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the index build never waited for the lock");
    }

    @Test
    void theDocsShowTheseExamples() throws IOException {
        LibraryPage.assertShows(LibraryExamplesTest.class, List.of("plan", "policy", "desired", "fleet", "lint", "resume"));
    }

    private Path write(String relative, String text) throws IOException {
        return LibraryPage.write(dir, relative, text);
    }
}
