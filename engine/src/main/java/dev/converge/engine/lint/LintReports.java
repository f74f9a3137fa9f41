package dev.converge.engine.lint;

import dev.converge.engine.diag.Plural;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * LintReports writes lint findings as text (one line each and a summary), as JSON, and as SARIF 2.1.0
 * (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html) for code-scanning tools. Objects
 * are SARIF logical locations (no file positions until source locations reach the model).
 */
public final class LintReports {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String VERSION = "0.1.0";

    private LintReports() {
    }

    public static String text(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            if (f.file() != null) {
                out.append(f.file()).append(':').append(f.line()).append(": ");
            }
            out.append(f.severity().sarifLevel()).append(": ").append(f.message()).append(" [").append(f.ruleId())
                    .append("]\n");
        }
        Map<Severity, Long> counts = Linter.counts(findings);
        out.append(findings.isEmpty() ? "No findings.\n" : Plural.count(counts.getOrDefault(Severity.ERROR, 0L), "error")
                + ", " + Plural.count(counts.getOrDefault(Severity.WARNING, 0L), "warning") + ", "
                + Plural.count(counts.getOrDefault(Severity.NOTE, 0L), "note") + ".\n");
        return out.toString();
    }

    public static String json(List<Finding> findings) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Finding f : findings) {
            ObjectNode node = array.addObject().put("rule", f.ruleId()).put("severity", f.severity().sarifLevel())
                    .put("message", f.message());
            node.putObject("object").put("kind", f.objectKind()).put("name", f.object());
            if (f.step() > 0) {
                node.put("step", f.step());
            }
            if (f.file() != null) {
                node.put("source", f.file() + ":" + f.line());
            }
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.set("findings", array);
        return write(root);
    }

    public static String sarif(List<Finding> findings, LintConfig config) {
        return sarif(findings, config, null);
    }

    /**
     * SARIF 2.1.0 in which every result has a physical location a code-scanning tool can place: the
     * declaring file and line, or, for an object declared nowhere (a dropped one), {@code desiredRoot}.
     */
    public static String sarif(List<Finding> findings, LintConfig config, String desiredRoot) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "converge").put("version", VERSION)
                .put("informationUri", "https://converge.dev/docs/safety");
        ArrayNode rules = driver.putArray("rules");
        List<LintRule> all = Linter.rules();
        for (LintRule rule : all) {
            ObjectNode r = rules.addObject().put("id", rule.id()).put("name", rule.name());
            r.putObject("shortDescription").put("text", rule.name());
            r.putObject("fullDescription").put("text", rule.description());
            Severity severity = config.severity(rule);
            r.putObject("defaultConfiguration").put("enabled", severity != Severity.OFF)
                    .put("level", severity == Severity.OFF ? "none" : severity.sarifLevel());
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : findings) {
            int index = indexOf(all, f.ruleId());
            ObjectNode result = results.addObject().put("ruleId", f.ruleId()).put("ruleIndex", index)
                    .put("level", f.severity().sarifLevel());
            result.putObject("message").put("text", f.message());
            ObjectNode location = result.putArray("locations").addObject();
            if (f.file() != null) {
                ObjectNode physical = location.putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", f.file());
                physical.putObject("region").put("startLine", f.line());
            } else if (desiredRoot != null) {
                location.putObject("physicalLocation").putObject("artifactLocation")
                        .put("uri", desiredRoot.replace('\\', '/'));
            }
            location.putArray("logicalLocations").addObject().put("fullyQualifiedName", f.object())
                    .put("kind", f.objectKind());
            if (f.step() > 0) {
                result.putObject("properties").put("planStep", f.step());
            }
        }
        return write(root);
    }

    private static int indexOf(List<LintRule> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown rule " + id);
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write lint report", e);
        }
    }
}
