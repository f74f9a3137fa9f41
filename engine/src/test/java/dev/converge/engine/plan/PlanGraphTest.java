package dev.converge.engine.plan;

import static dev.converge.engine.Fixtures.col;
import static dev.converge.engine.Fixtures.model;
import static dev.converge.engine.Fixtures.tablesReferringToEachOther;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.Fixtures;
import dev.converge.engine.change.Action;
import dev.converge.engine.change.Change;
import dev.converge.engine.diff.Differ;
import dev.converge.engine.graph.ChangeGraph;
import dev.converge.engine.graph.StepIds;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.safety.SafetyClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The dependency graph of a plan, drawn: edges come from the ordering rules (not the hints), edges
 * implied by others are left out, and the Mermaid and DOT texts are pinned here for small graphs
 * (the golden plans of the PostgreSQL dialect pin them for real ones).
 */
class PlanGraphTest {
    /** A plan of the differ's changes in the graph's order; drops destructive, the rest additive. */
    static Plan plan(SchemaModel current, SchemaModel desired) {
        List<Change> ordered = ChangeGraph.order(new Differ().diff(current, desired).changes(), current);
        List<PlanStep> steps = new ArrayList<>();
        for (Change change : ordered) {
            Set<SafetyClass> classes = change.action() == Action.DROP ? Set.of(SafetyClass.DESTRUCTIVE, SafetyClass.LOCKING)
                    : change.action() == Action.ALTER ? Set.of(SafetyClass.LOCKING) : Set.of(SafetyClass.ADDITIVE);
            steps.add(new PlanStep(steps.size() + 1, StepIds.of(change), change.action(), false, change.target(),
                    StepIds.of(change), List.of(), classes, List.of(), change));
        }
        return new Plan(1, "test", "db", "c", "d", steps, List.of());
    }

    @Test
    void foreignKeysWaitForBothTables() {
        SchemaModel desired = tablesReferringToEachOther();
        PlanGraph graph = PlanGraph.of(plan(model().build(), desired));
        assertEquals(List.of(new PlanGraph.Edge(1, 3), new PlanGraph.Edge(1, 4), new PlanGraph.Edge(2, 3),
                new PlanGraph.Edge(2, 4)), graph.edges());
        assertEquals("""
                flowchart TD
                  s1["1. + create-table:public.a"]:::additive
                  s2["2. + create-table:public.b"]:::additive
                  s3["3. + add-foreign-key:public.a.a_b_fk"]:::additive
                  s4["4. + add-foreign-key:public.b.b_a_fk"]:::additive
                  s1 --> s3
                  s1 --> s4
                  s2 --> s3
                  s2 --> s4
                  classDef destructive fill:#ffd7d5,stroke:#cf222e,color:#1f2328
                  classDef locking fill:#fff1c2,stroke:#9a6700,color:#1f2328
                  classDef additive fill:#dafbe1,stroke:#1a7f37,color:#1f2328
                  classDef plain fill:#eaeef2,stroke:#57606a,color:#1f2328
                """, PlanGraphMermaid.flowchart(graph));
        assertEquals("""
                digraph plan {
                  rankdir=TB;
                  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11];
                  s1 [label="1. + create-table:public.a", fillcolor="#dafbe1", color="#1a7f37", class="additive"];
                  s2 [label="2. + create-table:public.b", fillcolor="#dafbe1", color="#1a7f37", class="additive"];
                  s3 [label="3. + add-foreign-key:public.a.a_b_fk", fillcolor="#dafbe1", color="#1a7f37", class="additive"];
                  s4 [label="4. + add-foreign-key:public.b.b_a_fk", fillcolor="#dafbe1", color="#1a7f37", class="additive"];
                  s1 -> s3;
                  s1 -> s4;
                  s2 -> s3;
                  s2 -> s4;
                }
                """, PlanGraphDot.render(graph));
    }

    /** v2 reads v1 reads t: the drawing shows the chain, not also t -> v2. */
    @Test
    void edgesImpliedByOthersAreLeftOut() {
        SchemaModel desired = model().table("public.t", col("id", "integer"))
                .view("public.v1", "SELECT id FROM public.t", "public.t", "public.t.id")
                .view("public.v2", "SELECT id FROM public.v1", "public.v1", "public.t")
                .build();
        PlanGraph graph = PlanGraph.of(plan(model().build(), desired));
        assertEquals(List.of("create-table:public.t", "create-view:public.v1", "create-view:public.v2"),
                graph.nodes().stream().map(PlanGraph.Node::description).toList());
        assertEquals(List.of(new PlanGraph.Edge(1, 2), new PlanGraph.Edge(2, 3)), graph.edges());
    }

    @Test
    void stepsAreColouredByTheirGravestClass() {
        SchemaModel current = model().table("public.old", col("id", "integer"))
                .table("public.t", col("id", "integer"), col("c", "integer")).build();
        SchemaModel desired = model().table("public.t", col("id", "integer"), col("c", "bigint"))
                .table("public.n", col("id", "integer")).build();
        PlanGraph graph = PlanGraph.of(plan(current, desired));
        assertEquals(1, graph.count(StepKind.DESTRUCTIVE), graph.toString());
        assertEquals(1, graph.count(StepKind.LOCKING), graph.toString());
        assertEquals(1, graph.count(StepKind.ADDITIVE), graph.toString());
    }

    @Test
    void aBigPlanIsSummarisedInsteadOfDrawn() {
        Fixtures small = model();
        Fixtures big = model();
        for (int i = 0; i < PlanGraphMermaid.MAX_STEPS; i++) {
            small.table("public.t" + i, col("id", "integer"));
            big.table("public.t" + i, col("id", "integer"));
        }
        big.table("public.one_more", col("id", "integer"));
        String drawn = PlanGraphMermaid.section(PlanGraph.of(plan(model().build(), small.build())));
        assertTrue(drawn.contains("```mermaid\nflowchart TD\n"), drawn);
        String summarised = PlanGraphMermaid.section(PlanGraph.of(plan(model().build(), big.build())));
        assertFalse(summarised.contains("```mermaid"), summarised);
        assertEquals("#### Dependency graph\n\nThe plan has 41 steps (0 destructive, 0 locking, 41 additive, 0 other)"
                + " and 0 dependencies: too many to draw here. `converge plan --format dot` writes the whole graph for"
                + " Graphviz, and `converge report` draws it as SVG.\n\n", summarised);
    }

    @Test
    void labelsCannotBreakOutOfMermaidOrDot() {
        PlanGraph graph = new PlanGraph(List.of(new PlanGraph.Node(1, "+", "create view \"x\" <b>`", StepKind.PLAIN)),
                List.of());
        assertTrue(PlanGraphMermaid.flowchart(graph).contains("s1[\"1. + create view #quot;x#quot; #lt;b#gt;'\"]:::plain"),
                PlanGraphMermaid.flowchart(graph));
        assertTrue(PlanGraphDot.render(graph).contains("label=\"1. + create view \\\"x\\\" <b>`\""),
                PlanGraphDot.render(graph));
    }
}
