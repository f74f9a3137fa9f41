package dev.converge.engine.report;

import dev.converge.engine.plan.PlanGraph;
import dev.converge.engine.plan.StepKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PlanGraphSvg draws a plan's dependency graph as inline SVG for the HTML report, with no library
 * and no script: steps are laid out in layers (a step sits one layer below the deepest step it waits
 * for, steps of a layer left to right in plan order) and edges are straight arrows. Plan order
 * respects every dependency, so one pass in step order finds the layers. Past {@link #MAX_STEPS}
 * steps the drawing is left out (the report says so and shows the steps list).
 */
public final class PlanGraphSvg {
    public static final int MAX_STEPS = 300;

    private static final int WIDTH = 250;
    private static final int HEIGHT = 34;
    private static final int GAP_X = 20;
    private static final int GAP_Y = 36;
    private static final int MARGIN = 10;
    private static final int MAX_LABEL = 38;

    private PlanGraphSvg() {
    }

    public static String render(PlanGraph graph) {
        Map<Integer, Integer> layer = layers(graph);
        Map<Integer, int[]> position = new HashMap<>();
        List<Integer> perLayer = new ArrayList<>();
        for (PlanGraph.Node node : graph.nodes()) {
            int row = layer.get(node.step());
            while (perLayer.size() <= row) {
                perLayer.add(0);
            }
            int column = perLayer.get(row);
            perLayer.set(row, column + 1);
            position.put(node.step(), new int[] {MARGIN + column * (WIDTH + GAP_X), MARGIN + row * (HEIGHT + GAP_Y)});
        }
        int columns = perLayer.stream().mapToInt(Integer::intValue).max().orElse(0);
        int width = 2 * MARGIN + columns * (WIDTH + GAP_X) - GAP_X;
        int height = 2 * MARGIN + perLayer.size() * (HEIGHT + GAP_Y) - GAP_Y;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plan-graph\" width=\"%d\" height=\"%d\""
                        + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"dependency graph of %d steps\">\n",
                Math.max(width, 0), Math.max(height, 0), Math.max(width, 0), Math.max(height, 0), graph.size()));
        out.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
                + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#57606a\"/>"
                + "</marker></defs>\n");
        for (PlanGraph.Edge edge : graph.edges()) {
            int[] from = position.get(edge.from());
            int[] to = position.get(edge.to());
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#57606a\""
                            + " marker-end=\"url(#arrow)\"/>\n",
                    from[0] + WIDTH / 2, from[1] + HEIGHT, to[0] + WIDTH / 2, to[1] - 2));
        }
        for (PlanGraph.Node node : graph.nodes()) {
            int[] at = position.get(node.step());
            StepKind kind = node.kind();
            out.append(String.format(Locale.ROOT, "<g class=\"step %s\" data-step=\"%d\"><title>%s</title>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" stroke=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\" font-size=\"12\" font-family=\"sans-serif\">%s</text></g>\n",
                    kind.cssName(), node.step(), Html.escape(node.label()), at[0], at[1], WIDTH, HEIGHT, kind.fill(),
                    kind.stroke(), at[0] + 8, at[1] + 21, Html.escape(node.label(MAX_LABEL))));
        }
        return out.append("</svg>\n").toString();
    }

    /** Layer of each step: 0 for a step that waits for none, else one more than its deepest prerequisite. */
    private static Map<Integer, Integer> layers(PlanGraph graph) {
        Map<Integer, List<Integer>> before = new HashMap<>();
        graph.edges().forEach(e -> before.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from()));
        Map<Integer, Integer> layer = new HashMap<>();
        for (PlanGraph.Node node : graph.nodes()) {
            int deepest = before.getOrDefault(node.step(), List.of()).stream().mapToInt(layer::get).max().orElse(-1);
            layer.put(node.step(), deepest + 1);
        }
        return layer;
    }
}
