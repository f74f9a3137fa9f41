package dev.converge.engine.fleet;

import dev.converge.engine.diag.Plural;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.phase.PhasedPlanning;
import dev.converge.engine.spi.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * FleetStatus renders what drift and status report from fleet plans: per target its state (in sync,
 * pending, drifted...), the desired-state hash it last received, when, by whom, and how its last
 * apply ended. An environment with many targets is shown as groups of targets that share all of
 * these, so 1,000 tenants in sync take one line.
 */
public final class FleetStatus {
    /** Environments with at most this many targets are listed target by target. */
    public static final int EXPAND_UP_TO = 12;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FleetStatus() {
    }

    /** One line of the matrix: a target, or a group of targets alike in every column. */
    public record Row(String environment, List<String> targets, String hash, String gitCommit, Instant when, String by,
                      String lastOutcome, TargetState state) {
    }

    public static List<Row> rows(FleetPlan plan, boolean expand) {
        Map<String, List<TargetPlan>> groups = new LinkedHashMap<>();
        for (TargetPlan t : plan.targets()) {
            HistoryEntry last = t.lastApply();
            String key = expand ? t.target().name() : (last == null ? "-" : last.desiredHash() + "|" + last.gitCommit())
                    + "|" + outcome(t) + "|" + t.state();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
        }
        List<Row> rows = new ArrayList<>();
        for (List<TargetPlan> members : groups.values()) {
            TargetPlan first = members.get(0);
            Instant when = members.stream().map(TargetPlan::lastApply).filter(e -> e != null)
                    .map(HistoryEntry::appliedAt).max(Comparator.naturalOrder()).orElse(null);
            TreeSet<String> by = new TreeSet<>();
            members.stream().map(TargetPlan::lastApply).filter(e -> e != null).forEach(e -> by.add(e.databaseUser()));
            rows.add(new Row(plan.environment(), members.stream().map(m -> m.target().name()).toList(),
                    first.lastApply() == null ? null : first.lastApply().desiredHash(),
                    first.lastApply() == null ? null : first.lastApply().gitCommit(), when,
                    by.isEmpty() ? null : String.join(",", by), outcome(first), first.state()));
        }
        return rows;
    }

    public static String matrix(List<FleetPlan> plans) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-12s %-24s %-13s %-9s %-20s %-12s %-22s %s%n",
                "ENVIRONMENT", "TARGETS", "APPLIED", "COMMIT", "WHEN", "BY", "LAST OUTCOME", "STATE"));
        for (FleetPlan plan : plans) {
            String desired = FleetPlanRenderer.shortHash(plan.desiredHash());
            for (Row row : rows(plan, plan.targets().size() <= EXPAND_UP_TO)) {
                String targets = row.targets().size() == 1 ? row.targets().get(0)
                        : Plural.count(row.targets().size(), "target");
                String hash = row.hash() == null ? "-" : FleetPlanRenderer.shortHash(row.hash())
                        + (row.hash().equals(plan.desiredHash()) ? "" : "*");
                String commit = row.gitCommit() == null ? "-"
                        : row.gitCommit().substring(0, Math.min(8, row.gitCommit().length()));
                out.append(String.format(Locale.ROOT, "%-12s %-24s %-13s %-9s %-20s %-12s %-22s %s%n",
                        row.environment(), targets, hash, commit, row.when() == null ? "-" : row.when().toString().replaceFirst("\\.\\d+Z$", "Z"),
                        row.by() == null ? "-" : row.by(), row.lastOutcome(), row.state().label()));
            }
            out.append(String.format(Locale.ROOT, "%-12s desired state now: %s%n", "", desired));
        }
        out.append("(* applied hash differs from the desired state now)\n");
        return out.toString();
    }

    public static String statusJson(List<FleetPlan> plans) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", 1);
        ArrayNode envs = root.putArray("environments");
        for (FleetPlan plan : plans) {
            ObjectNode env = envs.addObject();
            env.put("name", plan.environment());
            env.put("desiredHash", plan.desiredHash());
            targets(env.putArray("targets"), plan);
        }
        return write(root);
    }

    /** The drift report: every drifted target with what changed, then the counts per state. */
    public static String driftText(FleetPlan plan) {
        StringBuilder out = new StringBuilder("Drift in " + plan.environment() + " (desired state "
                + FleetPlanRenderer.shortHash(plan.desiredHash()) + "):\n");
        Map<TargetState, Long> counts = counts(plan);
        counts.forEach((state, n) -> out.append(String.format(Locale.ROOT, "  %-18s %6d%n", state.label(), n)));
        for (TargetPlan t : plan.targets()) {
            if (t.state().drifted()) {
                out.append("\n").append(t.target().name()).append(": ").append(t.state().label())
                        .append(" since the apply of ").append(t.lastApply().appliedAt()).append(" by ")
                        .append(t.lastApply().databaseUser()).append('\n');
                for (PlanStep step : t.driftSteps().steps()) {
                    out.append("    ").append(step.symbol()).append(' ').append(step.description()).append('\n');
                }
            } else if (t.state() == TargetState.ERROR) {
                out.append("\n").append(t.target().name()).append(": error: ").append(t.error()).append('\n');
            } else if (t.state() == TargetState.BETWEEN_PHASES) {
                out.append("\n").append(t.target().name()).append(": ")
                        .append(PhasedPlanning.state(t.openParallelChanges())).append('\n');
            }
        }
        return out.toString();
    }

    public static String driftJson(FleetPlan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", 1);
        root.put("environment", plan.environment());
        root.put("desiredHash", plan.desiredHash());
        ObjectNode counts = root.putObject("counts");
        counts(plan).forEach((state, n) -> counts.put(state.name().toLowerCase(Locale.ROOT), n));
        targets(root.putArray("targets"), plan);
        return write(root);
    }

    private static void targets(ArrayNode array, FleetPlan plan) {
        for (TargetPlan t : plan.targets()) {
            ObjectNode node = array.addObject();
            node.put("name", t.target().name());
            node.put("target", t.target().display());
            node.put("state", t.state().name().toLowerCase(Locale.ROOT));
            node.put("drifted", t.state().drifted());
            node.put("pending", t.state().pending());
            HistoryEntry last = t.lastApply();
            if (last != null) {
                node.put("appliedHash", last.desiredHash());
                node.put("appliedAt", last.appliedAt().toString());
                node.put("appliedBy", last.databaseUser());
                if (last.gitCommit() != null) {
                    node.put("gitCommit", last.gitCommit());
                }
            }
            node.put("lastOutcome", outcome(t));
            if (t.driftSteps() != null) {
                ArrayNode steps = node.putArray("drift");
                t.driftSteps().steps().forEach(s -> steps.add(s.symbol() + " " + s.description()));
            }
            if (t.error() != null) {
                node.put("error", t.error());
            }
        }
    }

    private static Map<TargetState, Long> counts(FleetPlan plan) {
        Map<TargetState, Long> counts = new LinkedHashMap<>();
        for (TargetState state : TargetState.values()) {
            long n = plan.targets().stream().filter(t -> t.state() == state).count();
            if (n > 0) {
                counts.put(state, n);
            }
        }
        return counts;
    }

    /**
     * How the target's latest apply ended, in one word or two: "converged", "applied", "failed",
     * "rolled back", "interrupted", "running", or "-" for none. The report shows the same word.
     */
    public static String outcome(TargetPlan t) {
        if (t.latest() == null) {
            return "-";
        }
        String outcome = t.latest().outcome();
        return outcome.startsWith("failed") ? "failed" : outcome.replaceFirst(" \\(.*$", "");
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a status report", e);
        }
    }
}
