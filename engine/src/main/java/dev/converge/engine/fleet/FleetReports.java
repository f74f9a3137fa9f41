package dev.converge.engine.fleet;

import dev.converge.engine.diag.Plural;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.json.PlanJson;
import java.util.List;
import java.util.Locale;

/**
 * FleetReports writes fleet results: the apply summary table for people, and the JSON reports of a
 * fleet apply ({@code --report}) and a fleet plan ({@code --format json}), with one entry per target.
 * Fields are written in a fixed order.
 */
public final class FleetReports {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FleetReports() {
    }

    /**
     * What a command says before it plans a fleet (plan, status, drift, report): the desired state,
     * then how many targets of which environment (and shard), how many at a time.
     */
    public static List<String> planningAnnouncement(Fleet fleet) {
        return List.of("Desired state: " + fleet.desired().description(),
                "Planning " + Plural.count(fleet.targets().size(), "target") + " of " + fleet.environment().name()
                        + shardNote(fleet) + ", " + fleet.parallelism() + " at a time ...");
    }

    /** " (shard 2/4 of 1,000 targets)" when the fleet is one shard of its environment, else "". */
    public static String shardNote(Fleet fleet) {
        return fleet.shard().isAll() ? "" : " (shard " + fleet.shard() + " of " + Plural.count(fleet.environmentSize(),
                "target") + ")";
    }

    /** The summary after an apply: counts per outcome, then every target that did not end well. */
    public static String summary(FleetApplyResult result) {
        StringBuilder out = new StringBuilder();
        out.append("\nSummary for ").append(result.environment()).append(" (desired state ")
                .append(FleetPlanRenderer.shortHash(result.desiredHash())).append("):\n");
        for (TargetOutcome.Status status : TargetOutcome.Status.values()) {
            long n = result.count(status);
            if (n > 0) {
                out.append(String.format(Locale.ROOT, "  %-18s %6d%n", status.label(), n));
            }
        }
        List<TargetOutcome> notOk = result.outcomes().stream().filter(o -> o.status().isFailure()).toList();
        if (!notOk.isEmpty()) {
            int width = Math.max("target".length(), notOk.stream().mapToInt(o -> o.name().length()).max().orElse(0));
            out.append(String.format(Locale.ROOT, "%n  %-" + width + "s  %-14s  %s%n", "target", "outcome", "why"));
            for (TargetOutcome o : notOk) {
                out.append(String.format(Locale.ROOT, "  %-" + width + "s  %-14s  %s%n", o.name(), o.status().label(),
                        o.message() == null ? "" : o.message().lines().findFirst().orElse("")));
            }
        }
        if (result.stopReason() != null) {
            out.append("\nRollout stopped: ").append(result.stopReason()).append("; ")
                    .append(Plural.count(result.count(TargetOutcome.Status.NOT_STARTED), "target")).append(" not started.\n");
        }
        return out.toString();
    }

    public static String applyReport(FleetApplyResult result) {
        return applyReport(result, Shard.ALL);
    }

    /** The JSON report of a fleet apply; a shard's report says which shard it is, for {@link ReportMerge}. */
    public static String applyReport(FleetApplyResult result, Shard shard) {
        ObjectNode root = opening(result.environment(), shard, result.desiredHash());
        root.put("startedAt", result.startedAt().toString());
        root.put("durationMs", result.durationMillis());
        if (result.stopReason() == null) {
            root.putNull("stopReason");
        } else {
            root.put("stopReason", result.stopReason());
        }
        if (result.promotionNote() != null) {
            root.put("promotionNote", result.promotionNote());
        }
        ObjectNode counts = root.putObject("counts");
        for (TargetOutcome.Status status : TargetOutcome.Status.values()) {
            counts.put(status.name().toLowerCase(Locale.ROOT), result.count(status));
        }
        ArrayNode targets = root.putArray("targets");
        for (TargetOutcome o : result.outcomes()) {
            ObjectNode t = targets.addObject();
            t.put("name", o.name());
            t.put("target", o.target());
            t.put("canary", o.canary());
            t.put("outcome", o.status().name().toLowerCase(Locale.ROOT));
            t.put("steps", o.steps());
            t.put("durationMs", o.durationMillis());
            if (o.historyId() > 0) {
                t.put("historyId", o.historyId());
            }
            if (o.message() != null) {
                t.put("message", o.message());
            }
        }
        return write(root);
    }

    /** How every fleet JSON document opens: its format, the environment, the shard (unless all) and the desired state. */
    private static ObjectNode opening(String environment, Shard shard, String desiredHash) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", 1);
        root.put("environment", environment);
        if (!shard.isAll()) {
            root.put("shard", shard.toString());
        }
        root.put("desiredHash", desiredHash);
        return root;
    }

    public static String planJson(FleetPlan plan) {
        return planJson(plan, Shard.ALL);
    }

    /** The JSON of a fleet plan; a shard's plan says which shard it is. */
    public static String planJson(FleetPlan plan, Shard shard) {
        ObjectNode root = opening(plan.environment(), shard, plan.desiredHash());
        ArrayNode groups = root.putArray("groups");
        for (PlanGroup group : plan.groups()) {
            ObjectNode g = groups.addObject();
            g.put("label", group.label());
            g.put("targets", group.members().size());
            g.put("steps", group.steps());
            g.put("drifted", group.drifted());
            ArrayNode names = g.putArray("names");
            group.names().forEach(names::add);
            g.set("plan", PlanJson.tree(group.representative()));
        }
        ArrayNode targets = root.putArray("targets");
        for (PlanGroup group : plan.groups()) {
            for (TargetPlan t : group.members()) {
                ObjectNode node = target(targets, t);
                node.put("group", group.label());
                node.put("steps", t.plan().steps().size());
                node.put("currentFingerprint", t.plan().currentFingerprint());
            }
        }
        for (TargetPlan t : plan.failures()) {
            target(targets, t).put("error", t.error());
        }
        return write(root);
    }

    /**
     * Reads back a report written by {@link #applyReport(FleetApplyResult, Shard)}; {@code source}
     * names it in errors. Not an apply report (a plan, another format version): a usage error.
     */
    public static ReportMerge.ShardReport readApplyReport(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConvergeException(ErrorKind.USAGE, source + ": not a JSON report: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || root.path("formatVersion").asInt() != 1
                || !root.path("targets").isArray() || !root.path("counts").isObject()) {
            throw new ConvergeException(ErrorKind.USAGE, source + ": not the JSON report of a fleet apply (format 1,"
                    + " written by 'converge apply --env NAME --report FILE')");
        }
        List<TargetOutcome> outcomes = new java.util.ArrayList<>();
        for (JsonNode t : root.path("targets")) {
            outcomes.add(new TargetOutcome(text(t, "name", source), t.path("target").asText(null),
                    t.path("canary").asBoolean(), status(text(t, "outcome", source), source), t.path("steps").asInt(),
                    t.path("durationMs").asLong(), t.path("historyId").asLong(), t.path("message").asText(null)));
        }
        FleetApplyResult result = new FleetApplyResult(text(root, "environment", source),
                text(root, "desiredHash", source), instant(text(root, "startedAt", source), source),
                root.path("durationMs").asLong(), outcomes, root.path("stopReason").asText(null),
                root.path("promotionNote").asText(null));
        Shard shard = root.hasNonNull("shard") ? Shard.parse(root.get("shard").asText()) : Shard.ALL;
        return new ReportMerge.ShardReport(source, shard, result);
    }

    private static String text(JsonNode node, String field, String source) {
        if (!node.path(field).isTextual()) {
            throw new ConvergeException(ErrorKind.USAGE, source + ": the report has no " + field);
        }
        return node.get(field).asText();
    }

    private static TargetOutcome.Status status(String outcome, String source) {
        try {
            return TargetOutcome.Status.valueOf(outcome.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConvergeException(ErrorKind.USAGE, source + ": unknown outcome '" + outcome + "'");
        }
    }

    private static java.time.Instant instant(String text, String source) {
        try {
            return java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ConvergeException(ErrorKind.USAGE, source + ": startedAt is not an instant: " + text);
        }
    }

    private static ObjectNode target(ArrayNode targets, TargetPlan t) {
        ObjectNode node = targets.addObject();
        node.put("name", t.target().name());
        node.put("target", t.target().display());
        node.put("drift", t.drift().name().toLowerCase(Locale.ROOT));
        if (t.lastApply() != null) {
            node.put("lastAppliedHash", t.lastApply().desiredHash());
            node.put("lastAppliedAt", t.lastApply().appliedAt().toString());
        }
        return node;
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a fleet report", e);
        }
    }
}
