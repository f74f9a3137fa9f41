package dev.converge.engine.plan;

/**
 * PlanGraphDot writes a plan's dependency graph in Graphviz's DOT language, uncapped: for plans too
 * big for a Mermaid diagram ({@code converge plan --format dot | dot -Tsvg > plan.svg}).
 */
public final class PlanGraphDot {
    private PlanGraphDot() {
    }

    public static String render(PlanGraph graph) {
        StringBuilder out = new StringBuilder("digraph plan {\n")
                .append("  rankdir=TB;\n")
                .append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];\n");
        for (PlanGraph.Node node : graph.nodes()) {
            out.append("  s").append(node.step()).append(" [label=\"").append(escape(node.label()))
                    .append("\", fillcolor=\"").append(node.kind().fill()).append("\", color=\"")
                    .append(node.kind().stroke()).append("\", class=\"").append(node.kind().cssName()).append("\"];\n");
        }
        for (PlanGraph.Edge edge : graph.edges()) {
            out.append("  s").append(edge.from()).append(" -> s").append(edge.to()).append(";\n");
        }
        return out.append("}\n").toString();
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
