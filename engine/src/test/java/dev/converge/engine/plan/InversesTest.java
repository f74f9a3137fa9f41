package dev.converge.engine.plan;

import static dev.converge.engine.Fixtures.col;
import static dev.converge.engine.Fixtures.model;
import static dev.converge.engine.Fixtures.name;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateTable;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.change.DropTable;
import dev.converge.engine.change.Rename;
import dev.converge.engine.change.SetTriggerState;
import dev.converge.engine.diff.ModelIndex;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.Trigger;
import dev.converge.engine.model.TriggerState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What undoes a step, computed at plan time with no server. */
class InversesTest {
    private final SchemaModel current = model().table("public.orders", col("id", "integer"), col("status", "text")).build();
    private final ModelIndex index = new ModelIndex(current);
    private final Table orders = current.tables().get(0);

    @Test
    void aCreatedTableIsUndoneByDroppingItButADroppedColumnCannotBeGivenBack() {
        assertEquals(Optional.of(new DropTable(orders)), Inverses.of(new CreateTable(orders), index));
        assertEquals(Optional.empty(), Inverses.of(new DropColumn(orders.name(), orders.columns().get(1)), index),
                "the values of a dropped column are gone");
        assertEquals(Optional.empty(), Inverses.of(new DropTable(orders), index), "so are a dropped table's rows");
    }

    @Test
    void aRenameIsUndoneByTheRenameBack() {
        Rename rename = new Rename(ObjectRef.member(ObjectKind.COLUMN, name("public.orders"), "status"), "state");
        assertEquals(Optional.of(new Rename(ObjectRef.member(ObjectKind.COLUMN, name("public.orders"), "state"), "status")),
                Inverses.of(rename, index));
    }

    @Test
    void undoingTheUndoOfAStateChangeOrARenameGivesItBack() {
        Trigger enabled = new Trigger(name("public.orders"), "audit", "CREATE TRIGGER audit ...", TriggerState.ENABLED,
                null, null);
        Trigger replica = new Trigger(name("public.orders"), "audit", "CREATE TRIGGER audit ...", TriggerState.REPLICA,
                null, null);
        for (Change change : List.<Change>of(new SetTriggerState(enabled, replica),
                new Rename(ObjectRef.of(ObjectKind.TABLE, name("public.orders")), "purchases"))) {
            Change undo = Inverses.of(change, index).orElseThrow();
            assertEquals(Optional.of(change), Inverses.of(undo, index), "undoing the undo of " + change);
        }
    }
}
