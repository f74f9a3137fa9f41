package dev.converge.engine.plan.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import dev.converge.engine.model.Trigger;
import dev.converge.engine.model.TriggerState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The open syncs read back from a target's own objects: a rename's, and a type change's with its new type. */
class ColumnSyncTest {
    private static final QualifiedName PEOPLE = QualifiedName.of("public", "people");

    @Test
    void aTypeChangesSyncIsReadBackWithTheNewColumnsType() {
        String marker = ColumnSync.swapMarker("full_name", "converge_new_full_name");
        ColumnSync sync = ColumnSync.of(model(marker, column("converge_new_full_name", "character varying(200)"))).get(0);
        assertTrue(sync.swaps());
        assertEquals("character varying(200)", sync.castTo());
        assertEquals("public.people.full_name -> character varying(200)", sync.display());
        assertEquals(marker, sync.ownMarker());
        assertEquals("public.people.converge_new_full_name<-full_name", sync.task());
    }

    @Test
    void aRenamesSyncHasNoType() {
        ColumnSync sync = ColumnSync.of(model(ColumnSync.marker("full_name", "display_name"),
                column("display_name", "text"))).get(0);
        assertFalse(sync.swaps());
        assertNull(sync.castTo());
        assertEquals("public.people.full_name -> display_name", sync.display());
    }

    @Test
    void aTypeChangesSyncWithoutItsNewColumnIsNoOpenChange() {
        assertEquals(List.of(), ColumnSync.of(model(ColumnSync.swapMarker("full_name", "converge_new_full_name"))));
    }

    @Test
    void theNewColumnsNameIsCutWithAHashPastSixtyCharacters() {
        String name = TypeChange.shadow("c".repeat(70));
        assertEquals(60, name.length());
        assertEquals(name, TypeChange.shadow("c".repeat(70)));
        assertEquals("converge_new_full_name", TypeChange.shadow("full_name"));
    }

    private static SchemaModel model(String marker, Column... added) {
        List<Column> columns = new java.util.ArrayList<>(List.of(column("id", "bigint"), column("full_name", "text")));
        columns.addAll(List.of(added));
        Table people = new Table(PEOPLE, columns, List.of(new TableConstraint("people_pkey", ConstraintKind.PRIMARY_KEY,
                "PRIMARY KEY (id)", List.of("id"), null)), null);
        Trigger sync = new Trigger(PEOPLE, "converge_sync_people", "EXECUTE FUNCTION f()", TriggerState.ENABLED, null, marker);
        return new SchemaModel(List.of(), List.of(), List.of(), List.of(people), List.of(), List.of(), List.of())
                .withTriggers(List.of(sync));
    }

    private static Column column(String name, String type) {
        return new Column(name, type, false, null, Identity.NONE, null, null, null, null, List.of());
    }
}
