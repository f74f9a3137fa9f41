package dev.converge.engine.graph;

import dev.converge.engine.change.Change;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.SchemaModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * ChangeGraph orders the changes of a plan: a directed graph with an edge from each change to every
 * change that must wait for it ({@link Prerequisites}), sorted topologically. Ties are broken by
 * {@link ChangeRank}, then by step id, so the same changes always come out in the same order, byte
 * for byte. Foreign keys are changes of their own, added after both tables exist, so cycles of
 * references between tables never become cycles here.
 */
public final class ChangeGraph {
    private ChangeGraph() {
    }

    /** The changes in an order that satisfies every dependency; throws when there is a cycle. */
    public static List<Change> order(List<Change> changes, SchemaModel current) {
        Map<Change, String> ids = new IdentityHashMap<>();
        Map<String, Change> byId = new HashMap<>();
        for (Change change : changes) {
            String id = StepIds.of(change);
            if (byId.put(id, change) != null) {
                throw new IllegalStateException("two changes share the step id " + id);
            }
            ids.put(change, id);
        }
        Graph<String, DefaultEdge> graph = new SimpleDirectedGraph<>(DefaultEdge.class);
        byId.keySet().forEach(graph::addVertex);
        Map<Change, Change> wholes = wholes(changes);
        List<Change> parts = parts(changes);
        Prerequisites rules = new Prerequisites(new ChangeIndex(parts, current));
        for (Change part : parts) {
            String id = ids.get(wholes.get(part));
            for (Change before : part.accept(rules)) {
                String beforeId = ids.get(wholes.get(before));
                if (!beforeId.equals(id)) {
                    graph.addEdge(beforeId, id);
                }
            }
        }
        failOnCycle(graph);
        addHints(graph, ids, ofWholes(new OrderHints(rules).of(parts), wholes));
        addHints(graph, ids, ofWholes(KeyReplacements.hints(parts), wholes));
        Map<String, Integer> ranks = new HashMap<>();
        byId.forEach((id, change) -> ranks.put(id, ChangeRank.of(change)));
        Comparator<String> tieBreak = Comparator.<String>comparingInt(ranks::get)
                .thenComparing(Comparator.naturalOrder());
        List<Change> ordered = new ArrayList<>(changes.size());
        new TopologicalOrderIterator<>(graph, tieBreak).forEachRemaining(id -> ordered.add(byId.get(id)));
        return ordered;
    }

    /**
     * Adds the hinted edges, in step-id order, each only when it closes no cycle: a hint is an order
     * that helps (see {@link OrderHints}) but that nothing requires, so it yields to every rule and to
     * the hints added before it.
     */
    private static void addHints(Graph<String, DefaultEdge> graph, Map<Change, String> ids,
                                 Map<Change, List<Change>> hints) {
        List<String[]> edges = new ArrayList<>();
        hints.forEach((change, befores) -> befores.forEach(before -> edges.add(new String[] {ids.get(before), ids.get(change)})));
        edges.sort(Comparator.<String[], String>comparing(e -> e[1]).thenComparing(e -> e[0]));
        for (String[] edge : edges) {
            if (!edge[0].equals(edge[1]) && !graph.containsEdge(edge[0], edge[1]) && !reaches(graph, edge[1], edge[0])) {
                graph.addEdge(edge[0], edge[1]);
            }
        }
    }

    /**
     * The dependencies among the changes of a plan: for each change, the changes it must wait for by a
     * rule (object dependencies; not the hints that only make the order nicer). A plan read back from
     * a file has no current model: with {@link SchemaModel#EMPTY} the edges between the plan's own
     * changes are still all there, only those through objects the plan does not touch are missing.
     */
    public static Map<Change, List<Change>> dependencies(List<Change> changes, SchemaModel current) {
        Map<Change, Change> wholes = wholes(changes);
        List<Change> parts = parts(changes);
        Prerequisites rules = new Prerequisites(new ChangeIndex(parts, current));
        Map<Change, Set<Change>> before = new IdentityHashMap<>();
        changes.forEach(change -> before.put(change, java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>())));
        for (Change part : parts) {
            Change whole = wholes.get(part);
            part.accept(rules).stream().map(wholes::get).filter(b -> b != whole).forEach(before.get(whole)::add);
        }
        Map<Change, List<Change>> lists = new IdentityHashMap<>();
        before.forEach((change, set) -> lists.put(change, List.copyOf(set)));
        return lists;
    }

    /**
     * Each change as the rules see it, mapped to the change of the plan it belongs to: a rebuilt table is
     * its drops and creations (it runs after what they need, before what needs them), any other change itself.
     */
    private static Map<Change, Change> wholes(List<Change> changes) {
        Map<Change, Change> wholes = new IdentityHashMap<>();
        for (Change change : changes) {
            partsOf(change).forEach(part -> wholes.put(part, change));
        }
        return wholes;
    }

    /** The changes as the rules see them, in plan order. */
    private static List<Change> parts(List<Change> changes) {
        return changes.stream().flatMap(change -> partsOf(change).stream()).toList();
    }

    private static List<Change> partsOf(Change change) {
        return change instanceof dev.converge.engine.change.RebuildTable rebuild ? rebuild.parts() : List.of(change);
    }

    private static Map<Change, List<Change>> ofWholes(Map<Change, List<Change>> hints, Map<Change, Change> wholes) {
        Map<Change, List<Change>> mapped = new IdentityHashMap<>();
        hints.forEach((change, befores) -> mapped.computeIfAbsent(wholes.get(change), any -> new ArrayList<>())
                .addAll(befores.stream().map(wholes::get).toList()));
        return mapped;
    }

    /** True when a path leads from {@code from} to {@code to}. */
    private static boolean reaches(Graph<String, DefaultEdge> graph, String from, String to) {
        java.util.Deque<String> work = new java.util.ArrayDeque<>(List.of(from));
        Set<String> seen = new java.util.HashSet<>(work);
        while (!work.isEmpty()) {
            String vertex = work.pop();
            if (vertex.equals(to)) {
                return true;
            }
            for (DefaultEdge edge : graph.outgoingEdgesOf(vertex)) {
                String next = graph.getEdgeTarget(edge);
                if (seen.add(next)) {
                    work.push(next);
                }
            }
        }
        return false;
    }

    private static void failOnCycle(Graph<String, DefaultEdge> graph) {
        CycleDetector<String, DefaultEdge> detector = new CycleDetector<>(graph);
        if (!detector.detectCycles()) {
            return;
        }
        Set<String> cycle = detector.findCycles();
        String edges = graph.edgeSet().stream()
                .filter(e -> cycle.contains(graph.getEdgeSource(e)) && cycle.contains(graph.getEdgeTarget(e)))
                .map(e -> "  \"" + graph.getEdgeSource(e) + "\" -> \"" + graph.getEdgeTarget(e) + "\";")
                .sorted()
                .collect(Collectors.joining("\n"));
        throw new ConvergeException(ErrorKind.ERROR, "the changes depend on each other in a cycle: "
                + cycle.stream().sorted().collect(Collectors.joining(", "))
                + "\nThis is a bug in Converge; please report it with this graph:\ndigraph cycle {\n" + edges + "\n}");
    }
}
