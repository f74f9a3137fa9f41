package dev.converge.engine.plan;

import static dev.converge.engine.Fixtures.col;
import static dev.converge.engine.Fixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.source.RenameAnnotation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Column names that change only in case, on a server that compares them without case (MySQL). */
class CaseOnlyRenamesTest {
    @Test
    void aColumnWhoseNameChangesOnlyInCaseIsARename() {
        SchemaModel current = model().table("db.users", col("id", "int"), col("Name", "text"), col("EMAIL", "text")).build();
        SchemaModel desired = model().table("db.users", col("id", "int"), col("name", "text"), col("EMAIL", "text"),
                col("Phone", "text")).build();
        List<String> renames = CaseOnlyRenames.of(current, desired).stream()
                .map(r -> r.object().display() + " from " + r.oldName()).toList();
        assertEquals(List.of("db.users.name from Name"), renames);
    }

    @Test
    void twoColumnsThatBothStayAreNotRenamedIntoEachOther() {
        SchemaModel both = model().table("db.t", col("a", "int"), col("A", "int")).build();
        assertEquals(List.<RenameAnnotation>of(), CaseOnlyRenames.of(both, both));
        SchemaModel other = model().table("db.u", col("name", "int")).build();
        assertEquals(List.<RenameAnnotation>of(), CaseOnlyRenames.of(model().table("db.t", col("Name", "int")).build(), other));
    }
}
