package dev.converge.engine.plan;

import java.util.Locale;

/**
 * PlanGraphMermaid draws a plan's dependency graph as a Mermaid flowchart, which GitHub and GitLab
 * render in a pull-request comment. Past {@link #MAX_STEPS} steps a drawing no longer helps a
 * reviewer (and the hosts refuse big diagrams), so a bigger plan gets a one-paragraph summary that
 * points to {@code --format dot}.
 */
public final class PlanGraphMermaid {
    /** The largest plan drawn in full. */
    public static final int MAX_STEPS = 40;

    /** Longer labels are cut. */
    static final int MAX_LABEL = 60;

    private PlanGraphMermaid() {
    }

    /** The Markdown section: a fenced {@code mermaid} block, or the summary when the plan is too big. */
    public static String section(PlanGraph graph) {
        StringBuilder out = new StringBuilder("#### Dependency graph\n\n");
        if (graph.size() > MAX_STEPS) {
            return out.append(summary(graph)).append("\n\n").toString();
        }
        return out.append("```mermaid\n").append(flowchart(graph)).append("```\n\n").toString();
    }

    static String flowchart(PlanGraph graph) {
        StringBuilder out = new StringBuilder("flowchart TD\n");
        for (PlanGraph.Node node : graph.nodes()) {
            out.append("  s").append(node.step()).append("[\"").append(escape(node.label(MAX_LABEL)))
                    .append("\"]:::").append(node.kind().cssName()).append('\n');
        }
        for (PlanGraph.Edge edge : graph.edges()) {
            out.append("  s").append(edge.from()).append(" --> s").append(edge.to()).append('\n');
        }
        for (StepKind kind : StepKind.values()) {
            out.append("  classDef ").append(kind.cssName()).append(" fill:").append(kind.fill()).append(",stroke:")
                    .append(kind.stroke()).append(",color:#1f2328\n");
        }
        return out.toString();
    }

    static String summary(PlanGraph graph) {
        return String.format(Locale.ROOT, "The plan has %d steps (%d destructive, %d locking, %d additive, %d other)"
                        + " and %d dependencies: too many to draw here. `converge plan --format dot` writes the whole"
                        + " graph for Graphviz, and `converge report` draws it as SVG.",
                graph.size(), graph.count(StepKind.DESTRUCTIVE), graph.count(StepKind.LOCKING),
                graph.count(StepKind.ADDITIVE), graph.count(StepKind.PLAIN), graph.edges().size());
    }

    /** Mermaid reads quotes and angle brackets in a label as markup: entity codes keep them text. */
    private static String escape(String label) {
        return label.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;").replace("`", "'");
    }
}
