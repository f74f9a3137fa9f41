package dev.converge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * ReportJson reads, in tests, the JSON the commands write and print: the report of
 * {@code apply --env ... --report FILE}, plans and surveys in {@code --format json}.
 */
final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportJson() {
    }

    /** The JSON a command printed. */
    static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }

    /** The JSON file a command wrote. */
    static JsonNode read(Path file) throws IOException {
        return JSON.readTree(Files.readString(file));
    }

    /** The names of the targets with this outcome ({@code applied}, {@code refused}...), in report order. */
    static List<String> targets(JsonNode report, String outcome) {
        List<String> names = new ArrayList<>();
        report.get("targets").forEach(t -> {
            if (outcome.equals(t.get("outcome").asText())) {
                names.add(t.get("name").asText());
            }
        });
        return names;
    }

    /** One target's entry. */
    static JsonNode target(JsonNode report, String name) {
        for (JsonNode t : report.get("targets")) {
            if (name.equals(t.get("name").asText())) {
                return t;
            }
        }
        throw new AssertionError("no target " + name + " in " + report);
    }
}
