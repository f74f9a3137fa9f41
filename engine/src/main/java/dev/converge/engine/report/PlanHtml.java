package dev.converge.engine.report;

import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanGraph;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.StepKind;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.TableLock;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * PlanHtml writes one plan for the report: its dependency graph as SVG, then every step in plan
 * order with its classes, locks, hazards and SQL.
 */
final class PlanHtml {
    private PlanHtml() {
    }

    static String render(Plan plan) {
        if (plan.isEmpty()) {
            return "<p class=\"muted\">No changes: the target matches the desired state.</p>\n";
        }
        StringBuilder out = new StringBuilder("<p><b>").append(Html.escape(plan.summary())).append("</b></p>\n");
        PlanGraph graph = PlanGraph.of(plan);
        if (graph.size() <= PlanGraphSvg.MAX_STEPS) {
            out.append("<div class=\"graph\">").append(PlanGraphSvg.render(graph)).append("</div>\n");
        } else {
            out.append("<p class=\"muted\">The dependency graph of ").append(graph.size())
                    .append(" steps is not drawn here; <code>converge plan --format dot</code> writes it.</p>\n");
        }
        out.append("<ol class=\"steps\">\n");
        for (PlanStep step : plan.steps()) {
            step(step, out);
        }
        out.append("</ol>\n");
        if (!plan.notes().isEmpty()) {
            out.append("<ul class=\"notes\">");
            plan.notes().forEach(n -> out.append("<li>").append(Html.escape(n)).append("</li>"));
            out.append("</ul>\n");
        }
        return out.toString();
    }

    private static void step(PlanStep step, StringBuilder out) {
        StepKind kind = StepKind.of(step);
        String classes = step.sortedClasses().stream().map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        out.append("<li value=\"").append(step.number()).append("\" class=\"step ").append(kind.cssName())
                .append("\"><span class=\"sym\">").append(Html.escape(step.symbol())).append("</span> ")
                .append(Html.escape(step.description())).append(" <span class=\"cls\">[")
                .append(classes.isEmpty() ? "no data loss, no lock" : classes)
                .append(step.isFailing() ? ", fails on current data" : "").append("]</span>");
        if (!step.safety().locks().isEmpty()) {
            out.append("<div class=\"lock\">lock: ").append(Html.escape(step.safety().locks().stream()
                    .map(TableLock::toString).collect(Collectors.joining(", ")))).append("</div>");
        }
        for (Hazard hazard : step.hazards()) {
            out.append("<div class=\"hazard\"><code>").append(hazard.code()).append("</code> ")
                    .append(Html.escape(hazard.message())).append("</div>");
        }
        if (!step.isMadeByPreviousStep()) {
            out.append("<pre><code>").append(Html.escape(step.statements().stream().map(s -> s.sql() + ";")
                    .collect(Collectors.joining("\n")))).append("</code></pre>");
        }
        out.append("</li>\n");
    }
}
