package dev.converge.dialect.postgres.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.api.ApplyOptions;
import dev.converge.api.ApplyOutcome;
import dev.converge.api.BackfillOutcome;
import dev.converge.api.BackfillSettings;
import dev.converge.api.Converge;
import dev.converge.api.ConvergePlan;
import dev.converge.api.Desired;
import dev.converge.api.EmbeddedServer;
import dev.converge.api.Format;
import dev.converge.api.Phase;
import dev.converge.api.Policy;
import dev.converge.api.RetryListener;
import dev.converge.api.StatementSettings;
import dev.converge.api.StopSignal;
import dev.converge.api.TargetSession;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of docs/library.md's "One target, step by step" section, run against the local
 * PostgreSQL: what {@code converge plan} and {@code converge apply --url} do through a
 * {@link TargetSession} (statement settings, step progress, a stop signal, saved plans held to their
 * target, expand and contract with its backfill).
 */
class LibrarySessionExamplesTest {
    @TempDir
    Path dir;

    @Test
    void planSaveAndApplyOnOneConnectionWithProgress() throws IOException {
        Path schema = LibraryPage.write(dir, "v1/orders.sql", "CREATE SCHEMA sales;\n"
                + "CREATE TABLE sales.orders (id bigint PRIMARY KEY, note text);\n").getParent();
        try (LocalPostgres db = LocalPostgres.create("apisession")) {
            String url = db.jdbcUrl();
            List<String> heard = new ArrayList<>();
            Path planFile = dir.resolve("plan.json");
            // tag::session[]
            Policy policy = Policy.DEFAULT.withMaxLock("SHARE_ROW_EXCLUSIVE");
            Converge target = Converge.target(url).serverShadow().policy(policy);
            StatementSettings timeouts = new StatementSettings(Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofSeconds(30));
            try (TargetSession session = target.open()) {
                ConvergePlan plan = session.plan(Desired.directory(schema), null, timeouts);
                System.out.print(plan.render(Format.TEXT, policy));          // converge plan, closing lines included
                plan.refusal(policy).ifPresent(System.err::println);         // what apply would refuse, and why
                plan.save(planFile);
            }
            StopSignal stop = new StopSignal();                            // stop.request() from a shutdown hook: Ctrl-C
            ApplyOptions options = new ApplyOptions(Duration.ofSeconds(10), timeouts,
                    (number, symbol, description) -> heard.add(number + " " + symbol + " " + description),
                    RetryListener.SILENT, stop, null);
            try (TargetSession session = target.open()) {
                ConvergePlan reviewed = session.admit(ConvergePlan.load(planFile));  // refused: another target
                ApplyOutcome outcome = session.apply(reviewed, options);
                System.out.println(outcome.statementsRun() + " statements, history id " + outcome.historyId());
            }
            // end::session[]
            assertEquals(List.of("1 + create schema sales", "2 + create table sales.orders (2 columns)"), heard);
            assertTrue(Converge.target(url).serverShadow().isConverged(Desired.directory(schema)));
            assertEquals(List.of(), Converge.target(url).serverShadow().plan(Desired.directory(schema)).steps());
            try (TargetSession session = Converge.target(url).schemas("other").open()) {
                ConvergeException other = assertThrows(ConvergeException.class,
                        () -> session.admit(ConvergePlan.load(planFile)));
                assertEquals(ErrorKind.USAGE, other.kind());
                assertTrue(other.getMessage().contains("drop --schema or make a plan for [other]"), other.getMessage());
            }
            try (TargetSession session = Converge.target(url).open()) {
                ConvergeException moved = assertThrows(ConvergeException.class,
                        () -> session.apply(ConvergePlan.load(planFile), ApplyOptions.DEFAULT));
                assertEquals(ErrorKind.REFUSED, moved.kind(), "the target changed since the plan: " + moved.getMessage());
            }
        }
    }

    @Test
    void expandThenBackfillThenContractATypeChange() throws IOException {
        Path schema = widenedAmounts("v2");
        try (LocalPostgres db = ordersWithIntegerAmounts("apiphases", 2500)) {
            String url = db.jdbcUrl();
            List<String> batches = new ArrayList<>();
            // tag::phases[]
            Converge target = Converge.target(url).serverShadow();
            BackfillSettings pace = new BackfillSettings(1000, Duration.ofMillis(10), Duration.ofSeconds(30));
            try (TargetSession session = target.open()) {
                ConvergePlan expand = session.plan(Desired.directory(schema), Phase.EXPAND, StatementSettings.DEFAULT);
                session.backfillDryRun(expand, pace).forEach(System.out::println);   // 3 batches of 1000 rows
                ApplyOutcome expanded = session.apply(expand, ApplyOptions.DEFAULT);
                System.out.println(session.stepsLeftForContract(expand, expanded) + " steps left for contract");
                BackfillOutcome filled = session.backfill(expand, pace,
                        (task, count, rows, finished) -> batches.add(task + ": " + rows), new StopSignal());
                System.out.println(filled.state());                          // between expand and contract: ...
            }
            Phase.confirmContract(true, null);                              // the old release is gone
            try (TargetSession session = target.open()) {
                ConvergePlan contract = session.plan(Desired.directory(schema), Phase.CONTRACT, StatementSettings.DEFAULT);
                session.apply(contract, ApplyOptions.DEFAULT);
            }
            // end::phases[]
            assertTrue(batches.size() >= 3, "2,500 rows in batches of 1,000: " + batches);
            assertEquals("public.orders.amount -> bigint: 2500", batches.get(batches.size() - 1));
            assertTrue(target.isConverged(Desired.directory(schema)));
            ConvergeException unconfirmed = assertThrows(ConvergeException.class, () -> Phase.confirmContract(false, "no"));
            assertEquals(ErrorKind.REFUSED, unconfirmed.kind());
            assertFalse(unconfirmed.getMessage().isBlank());
        }
    }

    @Test
    void theStepsLeftAfterAnExpandAreThoseContractPlans() throws IOException {
        Path schema = widenedAmounts("v3");
        try (LocalPostgres db = ordersWithIntegerAmounts("apileft", 1)) {
            Converge target = Converge.target(db.jdbcUrl()).serverShadow();
            int left;
            try (TargetSession session = target.open()) {
                ConvergePlan expand = session.plan(Desired.directory(schema), Phase.EXPAND, StatementSettings.DEFAULT);
                left = session.stepsLeftForContract(expand, session.apply(expand, ApplyOptions.DEFAULT));
                assertTrue(session.backfill(expand, BackfillSettings.DEFAULT, (t, b, r, d) -> { }, new StopSignal())
                        .finished());
            }
            try (TargetSession session = target.open()) {
                ConvergePlan contract = session.plan(Desired.directory(schema), Phase.CONTRACT, StatementSettings.DEFAULT);
                assertEquals(contract.steps().size(), left, contract.render(Format.TEXT));
            }
        }
    }

    @Test
    void tryTheFilesOnAnEmbeddedServer() throws IOException {
        Path schema = LibraryPage.write(dir, "try/orders.sql", "CREATE TABLE public.orders (id bigint PRIMARY KEY);\n")
                .getParent();
        ApplyOutcome outcome;
        ConvergePlan after;
        // tag::embedded[]
        try (EmbeddedServer server = EmbeddedServer.start("postgres")) {     // converge demo
            Converge scratch = server.createDatabase("try_it").serverShadow().policy(Policy.DEFAULT.allowingDestructive());
            ConvergePlan plan = scratch.plainPlan(Desired.directory(schema));  // no live facts, no online strategies
            System.out.print(plan.render(Format.TEXT));
            outcome = scratch.apply(plan);
            after = scratch.plainPlan(Desired.directory(schema));
        }
        // end::embedded[]
        assertTrue(outcome.converged());
        assertEquals(1, outcome.statementsRun());
        assertTrue(after.isEmpty(), after.render(Format.TEXT));
        assertTrue(after.target().endsWith("/try_it"), after.target());
    }

    /** The desired orders, whose amounts are bigint: a type change of a live integer column. */
    private Path widenedAmounts(String name) throws IOException {
        return LibraryPage.write(dir, name + "/orders.sql", "CREATE TABLE public.orders (id bigint PRIMARY KEY,"
                + " amount bigint NOT NULL);\n").getParent();
    }

    /** A test database whose orders hold {@code rows} rows of integer amounts. */
    private static LocalPostgres ordersWithIntegerAmounts(String name, int rows) {
        LocalPostgres db = LocalPostgres.create(name);
        try {
            db.execute("CREATE TABLE public.orders (id bigint PRIMARY KEY, amount integer NOT NULL);"
                    + " INSERT INTO public.orders SELECT g, g FROM generate_series(1, " + rows + ") g;");
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Test
    void theDocsShowTheseExamples() throws IOException {
        LibraryPage.assertShows(LibrarySessionExamplesTest.class, List.of("session", "phases", "embedded"));
    }
}
