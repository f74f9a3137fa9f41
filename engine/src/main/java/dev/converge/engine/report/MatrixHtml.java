package dev.converge.engine.report;

import dev.converge.engine.fleet.FleetStatus;
import dev.converge.engine.fleet.PlanGroup;
import dev.converge.engine.fleet.TargetPlan;
import dev.converge.engine.fleet.TargetState;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * MatrixHtml writes the environments x targets table with its search and state filter. Each cell
 * carries the state and last outcome in status's own words ({@code data-state}, {@code data-outcome}),
 * each row the filter's words for all its cells ({@code data-states}).
 */
final class MatrixHtml {
    private MatrixHtml() {
    }

    /** Rows are target names, columns environments; a cell is one target of one environment. */
    static void render(FleetReport report, StringBuilder out) {
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
}
