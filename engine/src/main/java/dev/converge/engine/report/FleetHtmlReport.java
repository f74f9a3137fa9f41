package dev.converge.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.engine.diag.Redaction;
import dev.converge.engine.fleet.FleetPlan;
import dev.converge.engine.fleet.FleetPlanRenderer;
import dev.converge.engine.fleet.FleetStatus;
import dev.converge.engine.fleet.PlanGroup;
import dev.converge.engine.fleet.TargetPlan;
import dev.converge.engine.fleet.TargetState;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.spi.HistoryEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * FleetHtmlReport writes the fleet report as one self-contained HTML page: the promotion pipeline,
 * a release-note summary, the environments x targets matrix, the plans (each shared plan once, with
 * its graph), and per target its drift and history, which a click opens. CSS and script are inlined
 * from resources beside this class and nothing is fetched: the file opens from disk, offline.
 * Passwords never reach it (URLs are displayed without them, errors go through {@link Redaction}),
 * and neither do row values (only what status, drift and history already show).
 */
public final class FleetHtmlReport {
    /** Applies per target kept in the report: enough for a timeline, bounded for a big fleet. */
    public static final int HISTORY_PER_TARGET = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private FleetHtmlReport() {
    }

    public static String render(FleetReport report) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
                        + " script-src 'unsafe-inline'; img-src data:\">\n")
                .append("<title>Converge fleet report</title>\n<style>\n").append(resource("report.css"))
                .append("</style>\n</head>\n<body>\n");
        out.append("<header><h1>Converge fleet report</h1><p class=\"muted\">generated ")
                .append(report.generatedAt().toString().replaceFirst("\\.\\d+Z$", "Z")).append("</p></header>\n");
        summary(report, out);
        pipeline(report, out);
        matrix(report, out);
        plans(report, out);
        out.append("<aside id=\"detail\" hidden><button id=\"close\" type=\"button\">close</button>"
                + "<div id=\"detail-body\"></div></aside>\n");
        out.append("<script type=\"application/json\" id=\"targets\">").append(scriptSafe(targetsJson(report)))
                .append("</script>\n<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void summary(FleetReport report, StringBuilder out) {
        out.append("<section id=\"summary\"><h2>Summary</h2><ul>\n");
        report.environments().forEach(env -> out.append("<li>").append(Html.escape(ReleaseNote.of(env)))
                .append("</li>\n"));
        out.append("</ul></section>\n");
    }

    /** The environments in promotion order, each with the desired state most of its targets hold. */
    private static void pipeline(FleetReport report, StringBuilder out) {
        out.append("<section id=\"pipeline\"><h2>Promotion</h2><ol class=\"pipeline\">\n");
        for (FleetReport.Environment env : report.environments()) {
            out.append("<li class=\"env\" data-env=\"").append(Html.escape(env.name())).append("\"><b>")
                    .append(Html.escape(env.name())).append("</b>");
            if (env.after() != null) {
                out.append("<div class=\"muted\">after ").append(Html.escape(env.after())).append("</div>");
            }
            FleetPlan plan = env.plan();
            if (plan == null) {
                out.append("<div class=\"bad\">unreachable</div></li>\n");
                continue;
            }
            Map<String, List<TargetPlan>> byHash = new TreeMap<>();
            plan.targets().stream().filter(t -> t.lastApply() != null)
                    .forEach(t -> byHash.computeIfAbsent(t.lastApply().desiredHash(), k -> new java.util.ArrayList<>()).add(t));
            List<TargetPlan> held = byHash.values().stream().max(java.util.Comparator.comparingInt(List::size)).orElse(List.of());
            if (held.isEmpty()) {
                out.append("<div>holds: nothing applied yet</div>");
            } else {
                HistoryEntry last = held.get(0).lastApply();
                out.append("<div>holds <code class=\"hash\">").append(FleetPlanRenderer.shortHash(last.desiredHash()))
                        .append("</code>").append(last.gitCommit() == null ? "" : " at commit <code>"
                                + Html.escape(last.gitCommit().substring(0, Math.min(8, last.gitCommit().length()))) + "</code>")
                        .append(" on ").append(held.size()).append(" of ").append(plan.targets().size())
                        .append("</div>");
            }
            boolean waits = held.isEmpty() || !held.get(0).lastApply().desiredHash().equals(plan.desiredHash())
                    || held.size() < plan.targets().size();
            out.append("<div class=\"").append(waits ? "waits" : "ok").append("\">")
                    .append(waits ? "newer waits: " : "desired now: ").append("<code class=\"hash\">")
                    .append(FleetPlanRenderer.shortHash(plan.desiredHash())).append("</code></div></li>\n");
        }
        out.append("</ol></section>\n");
    }

    /** Rows are target names, columns environments; a cell is one target of one environment. */
    private static void matrix(FleetReport report, StringBuilder out) {
        out.append("<section id=\"matrix\"><h2>Environments &times; targets</h2>\n<div class=\"filters\">"
                + "<input id=\"search\" type=\"search\" placeholder=\"tenant name\" aria-label=\"search by tenant name\">"
                + "<select id=\"state\" aria-label=\"filter by state\"><option value=\"\">every state</option>");
        for (String[] option : new String[][] {{"in_sync", "in sync"}, {"pending", "pending"},
                {"never_applied", "never applied"}, {"drifted", "drifted"}, {"failed", "last apply failed"},
                {"error", "unreachable"}}) {
            out.append("<option value=\"").append(option[0]).append("\">").append(option[1]).append("</option>");
        }
        out.append("</select> <span id=\"shown\" class=\"muted\"></span></div>\n");
        List<String> envs = report.environments().stream().map(FleetReport.Environment::name).toList();
        Map<String, Map<String, TargetPlan>> rows = new TreeMap<>();
        Map<String, Map<String, String>> groupOf = new HashMap<>();
        for (FleetReport.Environment env : report.environments()) {
            if (env.plan() == null) {
                continue;
            }
            env.plan().targets().forEach(t -> rows.computeIfAbsent(t.target().name(), k -> new LinkedHashMap<>())
                    .put(env.name(), t));
            Map<String, String> labels = new HashMap<>();
            env.plan().groups().forEach(g -> g.names().forEach(n -> labels.put(n, g.label())));
            groupOf.put(env.name(), labels);
        }
        out.append("<table><thead><tr><th>target</th>");
        envs.forEach(e -> out.append("<th>").append(Html.escape(e)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Map<String, TargetPlan>> row : rows.entrySet()) {
            TreeSet<String> states = new TreeSet<>();
            StringBuilder cells = new StringBuilder();
            for (String env : envs) {
                TargetPlan t = row.getValue().get(env);
                if (t == null) {
                    cells.append("<td class=\"none\"></td>");
                    continue;
                }
                String state = stateKey(t);
                String outcome = FleetStatus.outcome(t);
                // The filter's words: the state itself, and the broad states it belongs to.
                states.add(state);
                if (t.state().drifted()) {
                    states.add("drifted");
                }
                if (t.state().pending()) {
                    states.add("pending");
                }
                if (outcome.equals("failed")) {
                    states.add("failed");
                }
                String group = groupOf.get(env).get(t.target().name());
                cells.append("<td class=\"cell s-").append(state).append(outcome.equals("failed") ? " failed" : "")
                        .append("\" data-env=\"").append(Html.escape(env)).append("\" data-target=\"")
                        .append(Html.escape(t.target().name())).append("\" data-state=\"").append(state)
                        .append("\" data-outcome=\"").append(Html.escape(outcome)).append("\" data-group=\"")
                        .append(group == null ? "" : Html.escape(group)).append("\" tabindex=\"0\">")
                        .append(cellText(t, group)).append("</td>");
            }
            out.append("<tr data-name=\"").append(Html.escape(row.getKey())).append("\" data-states=\"")
                    .append(String.join(" ", states)).append("\"><th>").append(Html.escape(row.getKey()))
                    .append("</th>").append(cells).append("</tr>\n");
        }
        out.append("</tbody></table></section>\n");
    }

    private static String cellText(TargetPlan t, String group) {
        StringBuilder text = new StringBuilder("<span class=\"label\">")
                .append(t.state() == TargetState.ERROR ? "unreachable" : t.state().label()).append("</span>");
        if (t.pending() && group != null && !group.equals(PlanGroup.IN_SYNC)) {
            text.append(" <span class=\"plan\">plan ").append(Html.escape(group)).append(" · ")
                    .append(Html.escape(ReleaseNote.steps(t.plan()))).append("</span>");
        }
        if ("failed".equals(FleetStatus.outcome(t))) {
            text.append(" <span class=\"badge\">last apply failed</span>");
        }
        return text.toString();
    }

    /** The state as status --format json writes it (in_sync, pending, drifted_and_pending...). */
    static String stateKey(TargetPlan t) {
        return t.state().name().toLowerCase(Locale.ROOT);
    }

    /** Each distinct plan once per environment, under its group label; a cell's click shows it. */
    private static void plans(FleetReport report, StringBuilder out) {
        out.append("<section id=\"plans\"><h2>Plans</h2>\n");
        for (FleetReport.Environment env : report.environments()) {
            if (env.plan() == null) {
                continue;
            }
            for (PlanGroup group : env.plan().groups()) {
                if (group.label().equals(PlanGroup.IN_SYNC)) {
                    continue;
                }
                List<String> names = group.names();
                out.append("<details class=\"plan-group\" id=\"plan-").append(Html.escape(env.name())).append('-')
                        .append(Html.escape(group.label())).append("\"><summary><b>").append(Html.escape(env.name()))
                        .append(" · plan ").append(Html.escape(group.label())).append("</b>: ")
                        .append(names.size()).append(names.size() == 1 ? " target" : " targets").append(" (")
                        .append(Html.escape(names.stream().limit(5).collect(Collectors.joining(", "))))
                        .append(names.size() > 5 ? ", …" : "").append(") · ")
                        .append(Html.escape(ReleaseNote.steps(group.representative()))).append("</summary>\n")
                        .append("<p class=\"muted\">Shown as planned for ").append(Html.escape(names.get(0)))
                        .append("; the others get the same steps on their own schema or database.</p>\n")
                        .append(PlanHtml.render(group.representative())).append("</details>\n");
            }
        }
        out.append("</section>\n");
    }

    /** Per target what the detail panel shows: drift, error and history (the plan is the group's section). */
    private static String targetsJson(FleetReport report) {
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
                node.put("target", Redaction.passwords(t.target().display()));
                node.put("state", stateKey(t));
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
                    node.put("error", Redaction.passwords(t.error()));
                }
                ArrayNode history = node.putArray("history");
                env.historyOf(t.target().name()).stream().limit(HISTORY_PER_TARGET).forEach(h -> {
                    ObjectNode entry = history.addObject();
                    entry.put("id", h.id());
                    entry.put("at", h.appliedAt().toString().replaceFirst("\\.\\d+Z$", "Z"));
                    entry.put("by", h.databaseUser());
                    entry.put("hash", FleetPlanRenderer.shortHash(h.desiredHash()));
                    entry.put("commit", h.gitCommit());
                    entry.put("status", h.status());
                    entry.put("outcome", Redaction.passwords(h.outcome()));
                    entry.put("ms", h.durationMillis());
                    entry.put("note", Redaction.passwords(h.note()));
                });
            }
        }
        try {
            return JSON.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report's target data", e);
        }
    }

    /** JSON inside a script element: "</" would end the element early. */
    private static String scriptSafe(String json) {
        return json.replace("</", "<\\/");
    }

    private static String resource(String name) {
        try (InputStream in = FleetHtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
