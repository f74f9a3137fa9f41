package dev.converge.engine.plan.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.View;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The view under a renamed table's old name is found again from the target alone: by its comment on
 * PostgreSQL, by the literal in its query on MySQL (as the server writes the query back), and only
 * while the table is there under the new name.
 */
class OldNameViewTest {
    private static final QualifiedName PEOPLE = QualifiedName.of("public", "people");
    private static final QualifiedName PERSONS = QualifiedName.of("public", "persons");
    private static final Table TABLE = new Table(PERSONS, List.of(Column.of("id", "bigint", true)), List.of(), null);

    @Test
    void aCommentedViewIsAnOpenTableRename() {
        View view = new View(PEOPLE, " SELECT persons.id\n   FROM persons;", List.of(),
                List.of(ObjectRef.of(ObjectKind.TABLE, PERSONS)), OldNameView.marker("people", "persons"));
        assertEquals(List.of(new OldNameView(PEOPLE, PERSONS)), OldNameView.of(model(view)));
        assertEquals("public.people -> persons", OldNameView.of(model(view)).get(0).display());
        assertEquals(1, ParallelChange.open(model(view)).size());
    }

    @Test
    void theMarkerInsideAMysqlViewsQueryIsReadToo() {
        View view = new View(PEOPLE, "select `persons`.`id` AS `id` from `persons` where"
                + " 'converge:expand table-view old=people new=persons' is not null", List.of(), List.of(), null);
        assertEquals(List.of(new OldNameView(PEOPLE, PERSONS)), OldNameView.of(model(view)));
        assertTrue(OldNameView.isOwned(view));
    }

    @Test
    void aViewOfTheTeamsOwnOrOneWhoseTableIsGoneIsNot() {
        View plain = new View(PEOPLE, "SELECT id FROM persons", List.of(), List.of(), "people, as release 1 saw them");
        assertFalse(OldNameView.isOwned(plain));
        assertEquals(List.of(), OldNameView.of(model(plain)));
        View orphan = new View(PEOPLE, "SELECT 1", List.of(), List.of(), OldNameView.marker("people", "others"));
        assertEquals(List.of(), OldNameView.of(model(orphan)));
        View elsewhere = new View(QualifiedName.of("public", "folks"), "SELECT 1", List.of(), List.of(),
                OldNameView.marker("people", "persons"));
        assertEquals(List.of(), OldNameView.of(model(elsewhere)), "the marker names the view it is on");
    }

    @Test
    void scratchNamesStayWithinTheServersLength() {
        assertEquals("converge_view_persons", OldNameView.scratchName("view", "persons", 64));
        String longName = OldNameView.scratchName("gone", "a_table_name_long_enough_to_pass_the_server_limit_of_64", 64);
        assertEquals(64, longName.length());
        assertFalse(OldNameView.nameable("it's"));
    }

    private static SchemaModel model(View view) {
        SchemaModel m = SchemaModel.EMPTY.withTables(List.of(TABLE));
        return m.withCore(m.schemas(), m.enums(), m.sequences(), m.tables(), m.indexes(), m.foreignKeys(), List.of(view));
    }
}
