package dev.converge.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.engine.diag.Redaction;
import dev.converge.engine.fleet.FleetPlanRenderer;
import dev.converge.engine.fleet.FleetStatus;
import dev.converge.engine.fleet.TargetPlan;
import dev.converge.engine.fleet.TargetState;
import dev.converge.engine.plan.PlanStep;
import java.util.HashMap;
import java.util.Map;

/**
 * TargetDetails is the JSON the page's script reads when a cell is clicked: per target its display
 * URL, state, drift, error and recent history. The plan is not repeated per target: the script
 * shows the section of the target's plan group.
 */
final class TargetDetails {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TargetDetails() {
    }

    /** Per target what the detail panel shows: drift, error and history (the plan is the group's section). */
    static String json(FleetReport report) {
        ArrayNode all = JSON.createArrayNode();
        for (FleetReport.Environment env : report.environments()) {
            if (env.plan() == null) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            env.plan().groups().forEach(g -> g.names().forEach(n -> labels.put(n, g.label())));
            for (TargetPlan t : env.plan().targets()) {
                ObjectNode node = all.addObject();
                node.put("env", env.name());
                node.put("name", t.target().name());
                node.put("target", Redaction.text(t.target().display()));
                node.put("state", MatrixHtml.stateKey(t));
                node.put("label", t.state() == TargetState.ERROR ? "unreachable" : t.state().label());
                node.put("lastOutcome", FleetStatus.outcome(t));
                node.put("group", labels.get(t.target().name()));
                node.put("desiredHash", env.plan().desiredHash());
                if (t.lastApply() != null) {
                    node.put("appliedHash", t.lastApply().desiredHash());
                }
                if (t.driftSteps() != null) {
                    ArrayNode drift = node.putArray("drift");
                    for (PlanStep step : t.driftSteps().steps()) {
                        drift.add(step.symbol() + " " + step.description());
                    }
                }
                if (t.error() != null) {
                    node.put("error", Redaction.text(t.error()));
                }
                ArrayNode history = node.putArray("history");
                env.historyOf(t.target().name()).stream().limit(FleetHtmlReport.HISTORY_PER_TARGET).forEach(h -> {
                    ObjectNode entry = history.addObject();
                    entry.put("id", h.id());
                    entry.put("at", h.appliedAt().toString().replaceFirst("\\.\\d+Z$", "Z"));
                    entry.put("by", h.databaseUser());
                    entry.put("hash", FleetPlanRenderer.shortHash(h.desiredHash()));
                    entry.put("commit", h.gitCommit());
                    entry.put("status", h.status());
                    entry.put("outcome", Redaction.text(h.outcome()));
                    entry.put("ms", h.durationMillis());
                    entry.put("note", Redaction.text(h.note()));
                });
            }
        }
        try {
            return JSON.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report's target data", e);
        }
    }
}
