package dev.converge.dialect.postgres.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanTextRenderer;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import dev.converge.engine.workflow.PlanPipeline;
import dev.converge.engine.workflow.Planning;
import dev.converge.engine.workflow.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.sql.Connection;
import java.sql.Statement;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.Shadow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target built from the desired files by the server's own client holds the server's first deparse
 * of each definition; the shadow holds the second. Planned against those files, such a target must
 * get an empty plan (the definitions are the same), while a real change is still planned, and the
 * target is left exactly as it was.
 */
class TargetFixedPointTest {
    /** Written by hand: each of these reads back, once deparsed, in words that deparse differently again. */
    private static final String FILES = """
            CREATE TABLE public.tickets (
                id int PRIMARY KEY,
                state varchar(10) NOT NULL DEFAULT 'open'::varchar CHECK (state IN ('open', 'closed')),
                kind varchar(10) DEFAULT ('a'::varchar)::text
            );
            CREATE INDEX tickets_open ON public.tickets ((state::text)) WHERE state IN ('open', 'closed');
            CREATE POLICY tickets_visible ON public.tickets USING (state IN ('open', 'closed'))
                WITH CHECK (kind IN ('a', 'b'));
            CREATE VIEW public.ticket_states AS
                SELECT id, NULL::integer AS rank FROM public.tickets
                UNION ALL SELECT 0, NULL::integer;
            """;

    @TempDir
    Path dir;

    private final PostgresDialect dialect = new PostgresDialect();

    @Test
    void aTargetBuiltFromTheFilesPlansNothingAndIsLeftAsItWas() throws Exception {
        onATargetBuiltFromTheFiles(target -> {
            SchemaModel before = dialect.inspector().inspect(target.connection(), InspectScope.ALL);
            DesiredState desired = desired(target, FILES);
            Plan withoutFixedPoint = Planner.of(dialect).plan(before, desired.model(), "target");
            assertFalse(withoutFixedPoint.isEmpty(), "the case no longer shows the server's second deparse:"
                    + " it proves nothing");

            Planning planning = plan(target);
            assertTrue(planning.plan().isEmpty(), new PlanTextRenderer().render(planning.plan()));
            assertEquals(before, dialect.inspector().inspect(target.connection(), InspectScope.ALL),
                    "the target changed");
            try (java.sql.Statement st = target.connection().createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_catalog.pg_class c"
                         + " WHERE c.relnamespace = pg_catalog.pg_my_temp_schema()")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "temporary objects were left behind");
            }
        });
    }

    @Test
    void aRealChangeOfTheSameDefinitionsIsStillPlanned() throws Exception {
        String changed = FILES.replace("CHECK (state IN ('open', 'closed'))", "CHECK (state IN ('open', 'closed', 'void'))")
                .replace("SELECT 0, NULL::integer", "SELECT 1, NULL::integer");
        onATargetBuiltFromTheFiles(target -> {
            Files.writeString(dir.resolve("schema.sql"), changed);
            String text = new PlanTextRenderer().render(plan(target).plan());
            assertTrue(text.contains("'void'"), text);
            assertTrue(text.contains("ticket_states"), text);
            assertFalse(text.contains("tickets_open"), "the unchanged index is planned:\n" + text);
        });
    }

    /**
     * The shadow may be another minor release than the target, which prints some expressions in other
     * words (PostgreSQL 15.20 parenthesizes {@code AT TIME ZONE} where 15.19 does not): the desired text,
     * read by the target's server, is then the target's, and no step is planned. Here the other words
     * are written by hand (the same definitions, printed otherwise), as no second minor is at hand: a
 * check, a default, two index expressions, a policy and a trigger's condition.
     */
    @Test
    void aDesiredTextThatTheTargetsServerReadsAsTheTargetsOwnSettles() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("fixed_point_words")) {
            db.execute("CREATE TABLE public.t (id int PRIMARY KEY, name text DEFAULT 'x', n int CONSTRAINT n_positive"
                    + " CHECK (n > 0), seen timestamptz); CREATE INDEX t_name ON public.t (lower(name));"
                    + " CREATE INDEX t_zone ON public.t ((seen AT TIME ZONE 'utc'));"
                    + " CREATE POLICY t_visible ON public.t USING (n > 0);"
                    + " CREATE FUNCTION public.keep() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
                    + " CREATE TRIGGER t_positive BEFORE INSERT ON public.t FOR EACH ROW WHEN (NEW.n > 0)"
                    + " EXECUTE FUNCTION public.keep();");
            try (Connection c = db.connect()) {
                SchemaModel current = dialect.inspector().inspect(c, InspectScope.ALL);
                String json = dev.converge.engine.fleet.ModelJson.write(current);
                String otherWords = json.replace("CHECK ((n > 0))", "CHECK (n > 0)")
                        .replace("'x'::text", "'x'")
                        .replace("(lower(name))", "(LOWER(name))")
                        .replace("\"(n > 0)\"", "\"n > 0\"")
                        .replace("WHEN ((new.n > 0))", "WHEN (NEW.n > 0)")
                        // as this server prints it (a function call before 15.20 or so, AT TIME ZONE since)
                        .replace("timezone('utc'::text, seen)", "timezone('utc', seen)")
                        .replace("AT TIME ZONE 'utc'::text", "AT TIME ZONE 'utc'");
                SchemaModel desired = dev.converge.engine.fleet.ModelJson.read(otherWords);
                Plan before = Planner.of(dialect).plan(current, desired, "target");
                String planned = new PlanTextRenderer().render(before);
                for (String object : List.of("n_positive", "t.name", "t_name", "t_zone", "t_visible", "t_positive")) {
                    assertTrue(planned.contains(object), "the other words no longer differ for " + object
                            + ": the case proves nothing\n" + planned);
                }

                Plan after = Planner.of(dialect).plan(current, TargetFixedPoint.apply(c, current, desired), "target");

                assertTrue(after.isEmpty(), new PlanTextRenderer().render(after));
            }
        }
    }

    /**
     * The apply's own convergence check compares in the target's words too: an index the apply made from
     * the shadow's text, which the target's server prints otherwise, is converged, not "a step remains".
     */
    @Test
    void anApplyOfADefinitionTheTargetPrintsOtherwiseEndsConverged() throws Exception {
        try (LocalPostgres built = LocalPostgres.create("fixed_point_built");
             LocalPostgres db = LocalPostgres.create("fixed_point_apply")) {
            String table = "CREATE TABLE public.t (id int PRIMARY KEY, name text);";
            built.execute(table + " CREATE INDEX t_name ON public.t (lower(name));");
            db.execute(table);
            SchemaModel desired;
            try (Connection c = built.connect()) {
                desired = dev.converge.engine.fleet.ModelJson.read(dev.converge.engine.fleet.ModelJson.write(
                        dialect.inspector().inspect(c, InspectScope.ALL)).replace("(lower(name))", "(LOWER(name))"));
            }
            try (Connection c = db.connect()) {
                SchemaModel current = dialect.inspector().inspect(c, InspectScope.ALL);
                Plan plan = Planner.of(dialect).plan(current, desired, "target");
                assertEquals(1, plan.steps().size(), new PlanTextRenderer().render(plan));

                dev.converge.engine.apply.ApplyResult result = new dev.converge.engine.apply.Applier(dialect,
                        java.time.Clock.systemUTC()).apply(c, new dev.converge.engine.plan.SavedPlan(plan, List.of(),
                        current, desired, "hash", null));

                assertEquals(List.of(), result.remaining());
                assertEquals(dev.converge.engine.spi.HistoryEntry.CONVERGED, result.status());
            }
        }
    }

    @Test
    void aTargetThatRefusesTemporaryObjectsKeepsThePlanAsBefore() throws Exception {
        onATargetBuiltFromTheFiles(target -> {
            SchemaModel current = dialect.inspector().inspect(target.connection(), InspectScope.ALL);
            DesiredState desired = desired(target, FILES);
            target.connection().setReadOnly(true);
            SchemaModel settled = dialect.atTargetFixedPoint(target.connection(), current, desired.model());
            assertEquals(desired.model(), settled, "a read-only session settles nothing");
            assertTrue(target.connection().getAutoCommit(), "the session's autocommit is given back");
        });
    }

    /**
     * One case per kind the server deparses that the first cases do not hold: each loads, once deparsed,
     * as other text (the array of an {@code IN} list casts its elements one by one the second time).
     */
    static Stream<Arguments> otherDeparsedKinds() {
        String table = "CREATE TABLE public.tickets (id int PRIMARY KEY, state varchar(10) NOT NULL);\n";
        return Stream.of(
                Arguments.of("domain check", "CREATE DOMAIN public.state AS varchar(10)"
                        + " CONSTRAINT state_known CHECK (VALUE IN ('open', 'closed'));"),
                Arguments.of("domain default", "CREATE DOMAIN public.kind AS text"
                        + " DEFAULT CASE WHEN ('a'::varchar) IN ('a', 'b') THEN 'x' END;"),
                Arguments.of("trigger condition", table
                        + "CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;\n"
                        + "CREATE TRIGGER tickets_touch BEFORE UPDATE ON public.tickets FOR EACH ROW"
                        + " WHEN (NEW.state IN ('open', 'closed')) EXECUTE FUNCTION public.touch();"),
                Arguments.of("materialized view", table + "CREATE MATERIALIZED VIEW public.open_tickets AS"
                        + " SELECT id FROM public.tickets WHERE state IN ('open', 'closed');"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherDeparsedKinds")
    void eachOtherDeparsedKindSettlesOnTheTarget(String kind, String files) throws Exception {
        try (LocalPostgres db = LocalPostgres.create("fixed_point")) {
            db.execute(files);
            settlesOnTheTarget(kind, files, dialect.parseUrl(db.jdbcUrl()));
        }
    }

    /**
     * A generated column's expression: the shadow brings it to the second deparse only from PostgreSQL 17
     * (SET EXPRESSION), so only there does a target built by the server differ from the shadow.
     */
    @Test
    void aGeneratedColumnSettlesOnPostgres17() throws Exception {
        String files = "CREATE TABLE public.tickets (id int PRIMARY KEY, state varchar(10) NOT NULL,"
                + " open boolean GENERATED ALWAYS AS (state IN ('open', 'new')) STORED);";
        try (Shadow server = dialect.shadows().open(ShadowSpec.EMBEDDED, null, new ServerVersion(17, 0, ""))) {
            try (Statement st = server.connection().createStatement()) {
                st.execute("CREATE DATABASE h_real_generated");
            }
            DatabaseUrl url = server.url().withDatabase("h_real_generated");
            try (Connection c = dialect.connect(url); Statement st = c.createStatement()) {
                st.execute(files);
            }
            settlesOnTheTarget("generated column", files, url);
        }
    }

    /** {@code files}, already built on the target by its server: without the fixed point a plan, with it none. */
    private void settlesOnTheTarget(String kind, String files, DatabaseUrl url) throws Exception {
        Files.writeString(dir.resolve("schema.sql"), files);
        try (Target target = Target.open(dialect, url)) {
            SchemaModel before = dialect.inspector().inspect(target.connection(), InspectScope.ALL);
            Plan withoutFixedPoint = Planner.of(dialect).plan(before, desired(target, files).model(), "target");
            assertFalse(withoutFixedPoint.isEmpty(), "the " + kind + " case no longer shows the server's second"
                    + " deparse: it proves nothing");
            Plan plan = plan(target).plan();
            assertTrue(plan.isEmpty(), kind + ":\n" + new PlanTextRenderer().render(plan));
            assertEquals(before, dialect.inspector().inspect(target.connection(), InspectScope.ALL),
                    "the target changed");
        }
    }

    private interface OnTarget {
        void run(Target target) throws Exception;
    }

    /** A fresh database built from FILES by the server itself (as psql would), opened as a target. */
    private void onATargetBuiltFromTheFiles(OnTarget check) throws Exception {
        try (LocalPostgres db = LocalPostgres.create("fixed_point")) {
            db.execute(FILES);
            DatabaseUrl url = dialect.parseUrl(db.jdbcUrl());
            try (Target target = Target.open(dialect, url)) {
                check.run(target);
            }
        }
    }

    private DesiredState desired(Target target, String files) throws IOException {
        Files.writeString(dir.resolve("schema.sql"), files);
        return new DesiredStateResolver(dialect).resolve(dir.toString(), ShadowSpec.SERVER, target.url(),
                target.version(), InspectScope.ALL);
    }

    private Planning plan(Target target) throws IOException {
        if (!Files.exists(dir.resolve("schema.sql"))) {
            Files.writeString(dir.resolve("schema.sql"), FILES);
        }
        return Planning.run(target, new Planning.Request(dir.toString(), ShadowSpec.SERVER, List.of(),
                InspectScope.ALL, PlanPipeline.Settings.DEFAULT));
    }
}
