package dev.converge.engine.plan;

import dev.converge.engine.change.Change;
import dev.converge.engine.graph.StepOrder;
import dev.converge.engine.model.SchemaModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.alg.TransitiveReduction;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;

/**
 * PlanGraph is the dependency graph of a plan, to look at: one node per step, an edge from a step to
 * each step that must wait for it. Edges implied by others are left out (transitive reduction), so a
 * chain reads as a chain. Nodes and edges are sorted by step number: renderings are deterministic.
 */
public record PlanGraph(List<Node> nodes, List<Edge> edges) {
    public PlanGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** One step: its number, its plan symbol and description, and the colour class of the step. */
    public record Node(int step, String symbol, String description, StepKind kind) {
        /** The node's label: {@code 3. + create table app.orders}. */
        public String label() {
            return step + ". " + symbol + " " + description;
        }

        /** The label cut to {@code max} characters: a node is a box to recognise a step by, the steps list has the rest. */
        public String label(int max) {
            String full = label();
            return full.length() <= max ? full : full.substring(0, max - 1) + "…";
        }
    }

    /** Step {@code from} must run before step {@code to}. */
    public record Edge(int from, int to) {
    }

    public static PlanGraph of(Plan plan) {
        List<Change> changes = plan.steps().stream().map(PlanStep::change).toList();
        Map<Change, PlanStep> stepOf = new IdentityHashMap<>();
        plan.steps().forEach(s -> stepOf.put(s.change(), s));
        Graph<Integer, DefaultEdge> graph = new SimpleDirectedGraph<>(DefaultEdge.class);
        plan.steps().forEach(s -> graph.addVertex(s.number()));
        StepOrder.dependencies(changes, SchemaModel.EMPTY).forEach((change, befores) -> {
            int to = stepOf.get(change).number();
            for (Change before : befores) {
                PlanStep from = stepOf.get(before);
                // The plan's order satisfies every rule, so a prerequisite has the lower number; an edge
                // against that order could only come from a rule that reads the current model, which a
                // plan does not carry, and drawing it would contradict the steps list.
                if (from != null && from.number() < to) {
                    graph.addEdge(from.number(), to);
                }
            }
        });
        TransitiveReduction.INSTANCE.reduce(graph);
        List<Node> nodes = plan.steps().stream()
                .sorted(Comparator.comparingInt(PlanStep::number))
                .map(s -> new Node(s.number(), s.symbol(), s.description(), StepKind.of(s)))
                .toList();
        List<Edge> edges = new ArrayList<>();
        graph.edgeSet().forEach(e -> edges.add(new Edge(graph.getEdgeSource(e), graph.getEdgeTarget(e))));
        edges.sort(Comparator.comparingInt(Edge::from).thenComparingInt(Edge::to));
        return new PlanGraph(nodes, edges);
    }

    public int size() {
        return nodes.size();
    }

    public long count(StepKind kind) {
        return nodes.stream().filter(n -> n.kind() == kind).count();
    }
}
