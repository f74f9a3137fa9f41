package dev.converge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** ReportJson reads the JSON report of {@code apply --env ... --report FILE} in tests. */
final class ReportJson {
    private ReportJson() {
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
