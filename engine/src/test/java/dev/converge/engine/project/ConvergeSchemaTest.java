package dev.converge.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** schemas/converge.schema.json accepts what the reader accepts (the docs' example, the example project) and rejects mistakes. */
class ConvergeSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static JsonSchema schema;

    @BeforeAll
    static void load() throws IOException {
        // Surefire runs in the module directory; the schema lives at the repository root.
        try (InputStream in = Files.newInputStream(Path.of("../schemas/converge.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void acceptsTheFullExampleAndTheExampleProject() throws IOException {
        assertEquals(Set.of(), schema.validate(YAML.readTree(ProjectConfigReaderTest.FULL)));
        Path example = Path.of("../examples/saas/converge.yaml");
        String text = Files.readString(example);
        assertEquals(Set.of(), schema.validate(YAML.readTree(text)));
        ProjectConfigReader.parse(example, text);
    }

    @Test
    void rejectsMistakesTheReaderRejects() throws IOException {
        JsonNode unknownKey = YAML.readTree("desired: s\ncolour: blue\nenvironments: {dev: {url: x}}\n");
        assertFalse(schema.validate(unknownKey).isEmpty());
        JsonNode bothListAndDiscover = YAML.readTree("desired: s\nenvironments:\n  prod:\n    url: x\n    tenants:\n"
                + "      mode: schema\n      template_schema: app\n      list: [a]\n      discover: SELECT 1\n");
        Set<ValidationMessage> errors = schema.validate(bothListAndDiscover);
        assertFalse(errors.isEmpty());
        JsonNode noTemplate = YAML.readTree("desired: s\nenvironments:\n  prod:\n    url: x\n    tenants:\n"
                + "      mode: schema\n      list: [a]\n");
        assertFalse(schema.validate(noTemplate).isEmpty());
        JsonNode badDuration = YAML.readTree("desired: s\nenvironments:\n  prod:\n    url: x\n    policy:\n"
                + "      lock_timeout: soon\n");
        assertFalse(schema.validate(badDuration).isEmpty());
        JsonNode noUrl = YAML.readTree("desired: s\nenvironments:\n  prod:\n    tenants:\n      mode: schema\n"
                + "      template_schema: app\n      list: [a]\n");
        assertFalse(schema.validate(noUrl).isEmpty(), "schema-per-tenant needs the database of its schemas");
    }

    /** Issue 14, item 14: database-per-tenant with a static list has every URL it needs in its template. */
    @Test
    void aContractGateIsAcceptedAsTheReaderAcceptsIt() throws IOException {
        String gate = "desired: s\nenvironments:\n  prod:\n    url: x\n    contract_gate:\n"
                + "      env: OLD_RELEASE_GONE\n      flag_sql: SELECT true\n      confirm: true\n";
        assertEquals(Set.of(), schema.validate(YAML.readTree(gate)));
        ProjectConfigReader.parse(Path.of("/p/converge.yaml"), gate);
        assertFalse(schema.validate(YAML.readTree(gate.replace("OLD_RELEASE_GONE", "old release gone"))).isEmpty());
        assertFalse(schema.validate(YAML.readTree("desired: s\nenvironments:\n  prod:\n    url: x\n"
                + "    contract_gate: {}\n")).isEmpty(), "a gate states at least one condition");
    }

    @Test
    void databasePerTenantWithAStaticListNeedsNoEnvironmentUrl() throws IOException {
        String text = "desired: s\nenvironments:\n  prod:\n    tenants:\n      mode: database\n"
                + "      url: postgresql://app@db/tenant_{tenant}\n      list: [a, b]\n";
        assertEquals(Set.of(), schema.validate(YAML.readTree(text)));
        assertEquals(null, ProjectConfigReader.parse(Path.of("/p/converge.yaml"), text).environment("prod").url());
        String discovered = text.replace("list: [a, b]", "discover: SELECT name FROM tenants");
        assertFalse(schema.validate(YAML.readTree(discovered)).isEmpty(), "discovery runs in the environment's database");
        org.junit.jupiter.api.Assertions.assertThrows(dev.converge.engine.diag.BadInputException.class,
                () -> ProjectConfigReader.parse(Path.of("/p/converge.yaml"), discovered));
    }
}
