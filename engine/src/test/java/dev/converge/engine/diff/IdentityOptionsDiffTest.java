package dev.converge.engine.diff;

import static dev.converge.engine.Fixtures.col;
import static dev.converge.engine.Fixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.IdentityOptions;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.ChangeDescriber;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityOptionsDiffTest {
    static final IdentityOptions PLAIN_INT = new IdentityOptions(1, 1, 1, Integer.MAX_VALUE, 1, false);
    static final IdentityOptions START_7_BY_2 = new IdentityOptions(7, 2, 1, Integer.MAX_VALUE, 1, false);

    private static Column ident(Identity identity, IdentityOptions options) {
        return Column.identity("id", "integer", identity, options);
    }

    @Test
    void differentOptionsOfTwoIdentitiesAreAnIdentityOptionsChange() {
        assertEquals(Set.of(ColumnChangeKind.IDENTITY_OPTIONS),
                TableDiffer.columnChanges(ident(Identity.ALWAYS, PLAIN_INT), ident(Identity.ALWAYS, START_7_BY_2)));
    }

    @Test
    void kindAndOptionsChangingTogetherAreBothReported() {
        assertEquals(Set.of(ColumnChangeKind.IDENTITY, ColumnChangeKind.IDENTITY_OPTIONS),
                TableDiffer.columnChanges(ident(Identity.ALWAYS, PLAIN_INT),
                        ident(Identity.BY_DEFAULT, START_7_BY_2)));
    }

    @Test
    void equalOptionsAreNoChange() {
        assertEquals(Set.of(), TableDiffer.columnChanges(ident(Identity.ALWAYS, START_7_BY_2),
                ident(Identity.ALWAYS, new IdentityOptions(7, 2, 1, Integer.MAX_VALUE, 1, false))));
    }

    @Test
    void aColumnBecomingAnIdentityGetsItsOptionsWithTheIdentityNotAsAnOptionsChange() {
        Column plain = new Column("id", "integer", true, null, Identity.NONE, null, null, null, null, List.of());
        assertEquals(Set.of(ColumnChangeKind.IDENTITY),
                TableDiffer.columnChanges(plain, ident(Identity.ALWAYS, START_7_BY_2)));
    }

    @Test
    void unknownOptionsAreNotCompared() {
        assertEquals(Set.of(), TableDiffer.columnChanges(ident(Identity.ALWAYS, null),
                ident(Identity.ALWAYS, START_7_BY_2)));
    }

    @Test
    void aColumnThatIsNoIdentityCannotHaveIdentityOptions() {
        assertThrows(IllegalArgumentException.class,
                () -> new Column("id", "integer", true, null, Identity.NONE, PLAIN_INT, null, null, null, List.of()));
    }

    @Test
    void theDifferPlansOneAlterColumnAndTheDescriptionNamesOnlyWhatChanged() {
        SchemaModel current = model().tableWith(table(ident(Identity.ALWAYS, PLAIN_INT))).build();
        SchemaModel desired = model().tableWith(table(ident(Identity.ALWAYS,
                new IdentityOptions(7, 2, 1, 1000, 1, true)))).build();
        List<Change> changes = new Differ().diff(current, desired).changes();
        assertEquals(1, changes.size(), changes.toString());
        AlterColumn alter = (AlterColumn) changes.get(0);
        assertEquals(Set.of(ColumnChangeKind.IDENTITY_OPTIONS), alter.kinds());
        assertEquals("alter column public.t.id: identity options start 1 -> 7, increment 1 -> 2,"
                + " maxvalue 2147483647 -> 1000, cycle", ChangeDescriber.describe(alter));
    }

    private static dev.converge.engine.model.Table table(Column column) {
        return new dev.converge.engine.model.Table(dev.converge.engine.Fixtures.name("public.t"),
                List.of(column, col("v", "text")), List.of(), null);
    }
}
