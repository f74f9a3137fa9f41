package dev.converge.dialect.postgres.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.json.PlanJson;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanGraph;
import dev.converge.engine.plan.PlanGraphDot;
import dev.converge.engine.plan.PlanMarkdownRenderer;
import dev.converge.engine.plan.PlanTextRenderer;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.safety.SafetyPolicy;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GoldenPlanTest pins the text and JSON plans of five representative convergence cases byte for
 * byte, and the Markdown (with its Mermaid graph) and the DOT graph of some (approved files beside
 * this class), and checks every JSON plan against the published plan schema. The target is planned
 * under a fixed display string, so the random test database name never reaches the output.
 */
class GoldenPlanTest {
    static final String TARGET = "postgresql://postgres@127.0.0.1:5432/golden";

    private static JsonSchema planSchema;

    private final PostgresDialect dialect = new PostgresDialect();

    @BeforeAll
    static void loadSchema() throws IOException {
        // Surefire runs in the module directory; the schema lives at the repository root.
        Path schema = Path.of("../../schemas/plan.schema.json");
        try (InputStream in = Files.newInputStream(schema)) {
            planSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"01-new-schema-from-nothing", "90-shop-v1-to-v2", "49-type-change-under-view",
        "31-fk-cycle-new-tables", "46-enum-values-added"})
    void textPlan(String caseName) {
        Approvals.verify(machineIndependent(new PlanTextRenderer().render(plan(caseName))), options(caseName, ".txt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"01-new-schema-from-nothing", "90-shop-v1-to-v2", "49-type-change-under-view",
        "31-fk-cycle-new-tables", "46-enum-values-added"})
    void jsonPlan(String caseName) throws IOException {
        String json = PlanJson.write(plan(caseName));
        Set<ValidationMessage> errors = planSchema.validate(new ObjectMapper().readTree(json));
        assertTrue(errors.isEmpty(), caseName + " plan does not match schemas/plan.schema.json: " + errors);
        Approvals.verify(machineIndependent(json), options(caseName, ".json"));
    }

    /**
     * The pull-request comment of a plan made with the online strategies (CONCURRENTLY, NOT VALID then
     * VALIDATE) and the default policy, which refuses its destructive steps.
     */
    @ParameterizedTest
    @ValueSource(strings = {"90-shop-v1-to-v2", "49-type-change-under-view"})
    void markdownPlan(String caseName) {
        Plan plan = plan(caseName, OnlineStrategies.ALL);
        Approvals.verify(machineIndependent(new PlanMarkdownRenderer().render(plan, SafetyPolicy.DEFAULT)),
                options(caseName, ".md"));
    }

    /** The dependency graph of a plan for Graphviz ({@code plan --format dot}), coloured by class. */
    @ParameterizedTest
    @ValueSource(strings = {"90-shop-v1-to-v2", "31-fk-cycle-new-tables"})
    void dotPlan(String caseName) {
        Approvals.verify(PlanGraphDot.render(PlanGraph.of(plan(caseName))), options(caseName, ".dot"));
    }

    /** The schema check is only worth something if it rejects a broken plan. */
    @Test
    void schemaRejectsAPlanWithoutSteps() throws IOException {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper()
                .readTree(PlanJson.write(plan("46-enum-values-added")));
        tree.remove("steps");
        assertEquals(1, planSchema.validate(tree).size(), "a plan without steps must fail validation");
    }

    /*
     * The desired files are read from a relative directory, so source locations are relative; yet in
     * two full runs of the module (never alone) one plan named its files by their absolute path. Until
     * that is understood (see the closing note of the source-model work), the working directory is
     * taken out so the golden files pin what matters and stay the same on every machine.
     */
    private static String machineIndependent(String rendered) {
        return rendered.replace(Path.of("").toAbsolutePath() + "/", "");
    }

    private static Options options(String caseName, String extension) {
        return new Options().withReporter(new QuietReporter())
                .forFile().withAdditionalInformation(caseName)
                .forFile().withExtension(extension);
    }

    /** Loads current.sql into a fresh target, resolves desired.sql through a server shadow, plans. */
    private Plan plan(String caseName) {
        return plan(caseName, null);
    }

    /** The plan of a case; with {@code strategies}, planned for PostgreSQL 15 with those online strategies. */
    private Plan plan(String caseName, OnlineStrategies strategies) {
        Path dir = caseDir(caseName);
        try (LocalPostgres target = LocalPostgres.create("golden")) {
            target.execute(Files.readString(dir.resolve("current.sql")));
            // A relative directory, so that the source locations in the plan are the same on every machine.
            Path desiredDir = Files.createDirectories(Path.of("target", "golden", caseName));
            Files.copy(dir.resolve("desired.sql"), desiredDir.resolve("desired.sql"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            DatabaseUrl url = dialect.parseUrl(target.jdbcUrl());
            try (Connection connection = dialect.connect(url)) {
                DesiredState desired = new DesiredStateResolver(dialect).resolve(desiredDir.toString(),
                        ShadowSpec.SERVER, url, dialect.version(connection), InspectScope.ALL);
                SchemaModel current = dialect.inspector().inspect(connection, InspectScope.ALL);
                Planner planner = strategies == null ? Planner.of(dialect)
                        : Planner.of(dialect, new ServerVersion(15, 0, "15"), strategies);
                return planner.plan(current, desired.model(), TARGET, desired.source());
            } finally {
                Files.delete(desiredDir.resolve("desired.sql"));
                Files.delete(desiredDir);
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot plan golden case " + caseName, e);
        }
    }

    private static Path caseDir(String caseName) {
        URL url = GoldenPlanTest.class.getClassLoader().getResource("convergence/" + caseName);
        if (url == null) {
            throw new IllegalStateException("no convergence case " + caseName);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
