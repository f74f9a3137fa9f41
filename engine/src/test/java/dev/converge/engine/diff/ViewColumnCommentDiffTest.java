package dev.converge.engine.diff;

import static dev.converge.engine.Fixtures.col;
import static dev.converge.engine.Fixtures.model;
import static dev.converge.engine.Fixtures.name;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.SetComment;
import dev.converge.engine.graph.ChangeGraph;
import dev.converge.engine.graph.StepIds;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.View;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewColumnCommentDiffTest {
    private static View view(String definition, Map<String, String> columnComments) {
        return new View(name("public.v"), definition, List.of(), List.of(ObjectRef.of(ObjectKind.TABLE, name("public.t"))),
                null, columnComments);
    }

    private static SchemaModel withView(View view) {
        return model().table("public.t", col("id", "integer"), col("email", "text")).viewWith(view).build();
    }

    private static List<String> orderedIds(SchemaModel current, SchemaModel desired) {
        List<Change> changes = new Differ().diff(current, desired).changes();
        return ChangeGraph.order(changes, current).stream().map(StepIds::of).toList();
    }

    @Test
    void aNewViewGetsItsColumnCommentsAfterItIsCreated() {
        SchemaModel desired = withView(view("SELECT id, email FROM public.t", Map.of("email", "e", "id", "i")));
        List<String> ids = orderedIds(model().table("public.t", col("id", "integer"), col("email", "text")).build(),
                desired);
        assertEquals(List.of("create-view:public.v", "set-comment:column:public.v.email",
                "set-comment:column:public.v.id"), ids);
    }

    @Test
    void aKeptViewHasItsColumnCommentsChangedAndRemovedInPlace() {
        SchemaModel current = withView(view("SELECT id, email FROM public.t", Map.of("email", "old", "id", "i")));
        SchemaModel desired = withView(view("SELECT id, email FROM public.t", Map.of("email", "new")));
        List<Change> changes = new Differ().diff(current, desired).changes();
        ObjectRef email = ObjectRef.member(ObjectKind.COLUMN, name("public.v"), "email");
        ObjectRef id = ObjectRef.member(ObjectKind.COLUMN, name("public.v"), "id");
        assertEquals(List.of(new SetComment(email, "new"), new SetComment(id, null)), changes);
    }

    @Test
    void aReplacedViewGetsItsUnchangedColumnCommentBackAfterTheCreate() {
        SchemaModel current = withView(view("SELECT id, email FROM public.t", Map.of("email", "e")));
        SchemaModel desired = withView(view("SELECT id, email FROM public.t WHERE id > 0", Map.of("email", "e")));
        assertEquals(List.of("drop-view:public.v", "create-view:public.v", "set-comment:column:public.v.email"),
                orderedIds(current, desired));
    }

    @Test
    void equalColumnCommentsPlanNothing() {
        SchemaModel model = withView(view("SELECT id, email FROM public.t", Map.of("email", "e")));
        assertEquals(List.of(), new Differ().diff(model, model).changes());
    }
}
