package dev.converge.dialect.postgres.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.converge.engine.json.SavedPlanJson;
import dev.converge.engine.plan.SavedPlan;
import dev.converge.engine.plan.StatementLimits;
import java.time.Duration;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A plan file (plan --out) matches the published schema, and the schema still rejects a broken one. */
class PlanFileSchemaTest {
    @Test
    void aPlanFileMatchesThePlanSchema() throws Exception {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of("../../schemas/plan.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        try (ApplyScenario scenario = ApplyScenario.shop(new ConcurrentIndexDialect(), "planfile")) {
            ObjectNode file = (ObjectNode) new ObjectMapper().readTree(SavedPlanJson.write(scenario.saved));
            assertEquals(0, schema.validate(file).size(), schema.validate(file).toString());
            assertTrue(file.get("steps").get(0).has("inverse"));
            // Statements with their own timeouts (what the CLI writes) are valid too.
            SavedPlan limited = new SavedPlan(new StatementLimits(Duration.ofMillis(5000), Duration.ZERO)
                    .onEveryStatement(scenario.saved.plan()), scenario.saved.schemas(), scenario.saved.current(),
                    scenario.saved.desired(), scenario.saved.desiredHash(), scenario.saved.gitCommit());
            ObjectNode limitedFile = (ObjectNode) new ObjectMapper().readTree(SavedPlanJson.write(limited));
            assertTrue(limitedFile.get("steps").get(0).get("statements").get(0).has("lockTimeoutMillis"));
            assertEquals(0, schema.validate(limitedFile).size(), schema.validate(limitedFile).toString());
            ((ObjectNode) file.get("steps").get(0)).put("reversible", "yes");
            assertFalse(schema.validate(file).isEmpty(), "a plan file with a wrong field must fail validation");
        }
    }
}
