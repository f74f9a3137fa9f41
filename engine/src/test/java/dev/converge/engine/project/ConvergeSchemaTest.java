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
    }
}
