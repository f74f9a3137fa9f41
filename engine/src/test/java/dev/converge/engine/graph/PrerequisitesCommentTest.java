package dev.converge.engine.graph;

import static dev.converge.engine.Fixtures.model;
import static dev.converge.engine.Fixtures.name;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateView;
import dev.converge.engine.change.SetComment;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.View;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rank order alone already puts comments after creates; these edges keep a comment on a view's
 * column after the view even when the view's own prerequisites would delay it.
 */
class PrerequisitesCommentTest {
    @Test
    void aCommentOnAViewColumnRequiresTheCreateViewOfThatView() {
        CreateView create = new CreateView(new View(name("public.v"), "SELECT 1 AS one", List.of(), List.of(), null));
        CreateView other = new CreateView(new View(name("public.w"), "SELECT 1 AS one", List.of(), List.of(), null));
        SetComment comment = new SetComment(ObjectRef.member(ObjectKind.COLUMN, name("public.v"), "one"), "x");
        List<Change> changes = List.of(other, create, comment);
        Prerequisites rules = new Prerequisites(new ChangeIndex(changes, model().build()));
        assertEquals(List.of(create), comment.accept(rules));
    }
}
