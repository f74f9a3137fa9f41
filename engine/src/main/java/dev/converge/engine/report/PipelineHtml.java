package dev.converge.engine.report;

import dev.converge.engine.fleet.FleetPlan;
import dev.converge.engine.fleet.FleetPlanRenderer;
import dev.converge.engine.fleet.TargetPlan;
import dev.converge.engine.spi.HistoryEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PipelineHtml draws the promotion pipeline: the environments in promotion order, each with the
 * desired state most of its targets hold and whether a newer one waits.
 */
final class PipelineHtml {
    private PipelineHtml() {
    }

    /** The environments in promotion order, each with the desired state most of its targets hold. */
    static void render(FleetReport report, StringBuilder out) {
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
                    .forEach(t -> byHash.computeIfAbsent(t.lastApply().desiredHash(), k -> new ArrayList<>()).add(t));
            List<TargetPlan> held = byHash.values().stream().max(Comparator.comparingInt(List::size)).orElse(List.of());
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
            boolean waits = held.isEmpty() || !held.get(0).lastApply().desiredHash().equals(plan.desiredHash());
            int behind = plan.targets().size() - held.size();
            out.append("<div class=\"").append(waits ? "waits" : "ok").append("\">")
                    .append(waits ? "newer waits: " : "desired now: ").append("<code class=\"hash\">")
                    .append(FleetPlanRenderer.shortHash(plan.desiredHash())).append("</code>")
                    .append(!waits && behind > 0 ? " (" + behind + " not at it)" : "").append("</div></li>\n");
        }
        out.append("</ol></section>\n");
    }
}
