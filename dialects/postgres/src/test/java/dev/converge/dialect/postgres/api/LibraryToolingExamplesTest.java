package dev.converge.dialect.postgres.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.api.Converge;
import dev.converge.api.ConvergeProject;
import dev.converge.api.Desired;
import dev.converge.api.DiffPlan;
import dev.converge.api.EnvironmentPlan;
import dev.converge.api.FleetOutcome;
import dev.converge.api.Format;
import dev.converge.api.InspectedSchema;
import dev.converge.api.PlanSettings;
import dev.converge.api.Rollout;
import dev.converge.api.RunSettings;
import dev.converge.api.SchemaDiff;
import dev.converge.api.StageListener;
import dev.converge.api.Validation;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of docs/library.md's "What the CLI calls" section, run against the local PostgreSQL:
 * validate, inspect, diff, a fleet rollout step by step, merged shard reports and the process settings.
 * Each snippet between {@code tag::NAME} and {@code end::NAME} appears in that page verbatim.
 */
class LibraryToolingExamplesTest {
    @TempDir
    Path dir;

    @Test
    void validateTheFilesWithoutATarget() throws IOException {
        Path schema = write("valid/orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);").getParent();
        // tag::validate[]
        String summary = Validation.of("postgres").withoutShadow().validate(Desired.directory(schema));
        // end::validate[]
        assertEquals("1 file, 1 statement, parsed and ordered (not loaded: no shadow)", summary);
        Path broken = write("broken/t.sql", "CREATE TABLE t (id bigint PRIMARY KEY,);").getParent();
        assertThrows(BadInputException.class,
                () -> Validation.of("postgres").withoutShadow().validate(Desired.directory(broken)));
        ConvergeException database = assertThrows(ConvergeException.class,
                () -> Validation.of("postgres").validate(Desired.database("postgresql://app:secret@db/x")));
        assertEquals(ErrorKind.USAGE, database.kind());
        assertFalse(database.getMessage().contains("secret"), database.getMessage());
    }

    @Test
    void inspectALiveSchemaIntoFilesAndDiffItAgainstAnotherDatabase() throws IOException {
        try (LocalPostgres db = LocalPostgres.create("apiinspect"); LocalPostgres other = LocalPostgres.create("apidiff")) {
            db.execute("CREATE SCHEMA sales; CREATE TABLE sales.orders (id bigint PRIMARY KEY, note text);");
            String url = db.jdbcUrl();
            // tag::inspect[]
            InspectedSchema live = Converge.target(url).schemas("sales").inspect();
            System.out.print(live.text());                                      // converge inspect
            live.writeTo(dir.resolve("adopted"), file -> System.out.println("wrote " + file));
            // end::inspect[]
            assertEquals(List.of("sales"), List.copyOf(live.sqlBySchema().keySet()));
            assertTrue(live.text().startsWith("-- schema sales\n\n"), live.text());
            assertTrue(Files.readString(dir.resolve("adopted/sales.sql")).contains("\"note\" text"));
            assertTrue(Converge.target(url).schemas("sales").serverShadow()
                    .isConverged(Desired.directory(dir.resolve("adopted"))), "fed back, it plans nothing");
            ConvergeException typo = assertThrows(ConvergeException.class,
                    () -> Converge.target(url).schemas("sals").inspect());
            assertEquals(ErrorKind.USAGE, typo.kind());

            String otherUrl = other.jdbcUrl();
            // tag::diff[]
            DiffPlan diff = SchemaDiff.between(url, otherUrl).plan();           // make the other look like url
            System.out.print(diff.render(Format.MARKDOWN));                       // converge diff
            // end::diff[]
            assertFalse(diff.isEmpty());
            assertTrue(diff.render(Format.TEXT).contains("sales.orders"), diff.render(Format.TEXT));
            assertTrue(SchemaDiff.between(url, url).plan().isEmpty());
        }
    }

    @Test
    void aFleetRolloutStepByStepAndItsShardReportsMerged() throws IOException {
        try (LocalPostgres db = LocalPostgres.create("apirollout")) {
            write("project/schema/orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);");
            Path config = write("project/converge.yaml", "dialect: postgres\ndesired: schema\nshadow: server\n"
                    + "environments:\n  dev:\n    url: " + db.jdbcUrl() + "\n");
            List<String> heard = Collections.synchronizedList(new ArrayList<>());
            // tag::rollout[]
            ConvergeProject project = Converge.project(config).planning(PlanSettings.DEFAULT.withoutDataChecks());
            try (Rollout rollout = project.rollout("dev", null)) {            // or a saved plan --out FILE
                rollout.planningAnnouncement().forEach(System.err::println);
                EnvironmentPlan plan = rollout.plan();
                System.out.print(plan.text());                                 // shown, then confirmed
                String note = rollout.admit(false, "release-bot");            // the promotion gate
                System.out.println(rollout.announcement());
                FleetOutcome outcome = rollout.apply(note, false,
                        (target, done, total) -> heard.add(done + "/" + total + " " + target.name() + ": " + target.status()));
                System.out.print(outcome.summary());
                Files.writeString(dir.resolve("shard-1.json"), outcome.report());
            }
            FleetOutcome whole = FleetOutcome.mergeShards(List.of(dir.resolve("shard-1.json")));  // report merge
            // end::rollout[]
            assertEquals(List.of("1/1 dev: applied"), heard);
            assertTrue(whole.allConverged(), whole.summary());
            assertEquals(0, whole.exitCode());
            assertEquals("dev", whole.environment());
            try (Rollout again = project.rollout("dev", null)) {
                assertFalse(again.plan().hasChanges(), "converged");
            }
            ConvergeException badShard = assertThrows(ConvergeException.class, () -> project.shard("3/2"));
            assertEquals(ErrorKind.USAGE, badShard.kind());
        }
    }

    @Test
    void processSettingsHearTheStagesAndSkipTheCache() throws IOException {
        try (LocalPostgres db = LocalPostgres.create("apistages")) {
            String url = db.jdbcUrl();
            Path schema = write("stages/orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);").getParent();
            List<String> stages = Collections.synchronizedList(new ArrayList<>());
            StageListener listener = new StageListener() {
                @Override
                public void started(String stage) {
                }

                @Override
                public void finished(String stage, Duration took) {
                    stages.add(stage);
                }

                @Override
                public void note(String stage, String text) {
                    stages.add(stage + ": " + text);
                }
            };
            // tag::settings[]
            try (RunSettings.Installed installed = RunSettings.DEFAULT.withoutCache().listeningToStages(listener).install()) {
                Converge.target(url).serverShadow().plan(Desired.directory(schema));   // --no-cache --verbose
            }
            // end::settings[]
            assertTrue(stages.contains("load"), stages.toString());
            assertTrue(stages.contains("inspect target"), stages.toString());
            int heard = stages.size();
            Converge.target(url).serverShadow().plan(Desired.directory(schema));
            assertEquals(heard, stages.size(), "closed: the defaults are back, nobody hears the stages");
        }
    }

    @Test
    void theDocsShowTheseExamples() throws IOException {
        LibraryPage.assertShows(LibraryToolingExamplesTest.class,
                List.of("validate", "inspect", "diff", "rollout", "settings"));
    }

    private Path write(String relative, String text) throws IOException {
        return LibraryPage.write(dir, relative, text);
    }
}
