package dev.converge.engine.report;

import static dev.converge.engine.Fixtures.col;
import static dev.converge.engine.Fixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.PlanGraph;
import dev.converge.engine.plan.StepKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG drawing is well-formed XML, one box per step and one arrow per edge, laid out in layers. */
class PlanGraphSvgTest {
    @Test
    void oneBoxPerStepOneArrowPerEdgeLayeredByDependency() throws Exception {
        SchemaModel desired = model()
                .table("public.a", col("id", "integer"), col("b_id", "integer"))
                .table("public.b", col("id", "integer"))
                .foreignKey("public.a", "a_b_fk", "b_id", "public.b")
                .build();
        PlanGraph graph = PlanGraph.of(dev.converge.engine.plan.PlanGraphTestAccess.plan(model().build(), desired));
        Document svg = parse(PlanGraphSvg.render(graph));
        NodeList boxes = svg.getElementsByTagName("rect");
        assertEquals(3, boxes.getLength());
        assertEquals(graph.edges().size(), svg.getElementsByTagName("line").getLength());
        // The two tables wait for nothing: first layer; the foreign key waits for both: second layer.
        assertEquals(List.of("10", "10", "80"), List.of(y(boxes, 0), y(boxes, 1), y(boxes, 2)));
    }

    @Test
    void labelsAreEscaped() throws Exception {
        PlanGraph graph = new PlanGraph(List.of(new PlanGraph.Node(1, "+", "create view a<b & \"c\"", StepKind.PLAIN)),
                List.of());
        Document svg = parse(PlanGraphSvg.render(graph));
        assertEquals("1. + create view a<b & \"c\"", svg.getElementsByTagName("title").item(0).getTextContent());
    }

    private static String y(NodeList boxes, int i) {
        return ((Element) boxes.item(i)).getAttribute("y");
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
