package dev.converge.engine.plan.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.change.Rename;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where each kind of step goes when a plan is split into expand and contract. */
class StepPhaseTest {
    private static final QualifiedName T = QualifiedName.of("public", "t");

    @Test
    void additionsAndWideningsAreExpandRemovalsAndNewNotNullsAreContractColumnAndTableRenamesAreSplit() {
        assertEquals(StepPhase.EXPAND, StepPhase.of(step(new AddColumn(T, Column.of("note", "text", false)))));
        assertEquals(StepPhase.CONTRACT, StepPhase.of(step(new DropColumn(T, Column.of("note", "text", false)))));
        assertEquals(StepPhase.SPLIT, StepPhase.of(step(new Rename(ObjectRef.member(ObjectKind.COLUMN, T, "a"), "b"))));
        assertEquals(StepPhase.SPLIT, StepPhase.of(step(new Rename(ObjectRef.of(ObjectKind.TABLE, T), "u"))));
        assertEquals(StepPhase.CONTRACT, StepPhase.of(step(new Rename(ObjectRef.of(ObjectKind.VIEW, T), "u"))));
        assertEquals(StepPhase.EXPAND, StepPhase.of(step(new Rename(ObjectRef.of(ObjectKind.INDEX,
                QualifiedName.of("public", "t_idx")), "t_a_idx"))));
        assertEquals(StepPhase.CONTRACT, StepPhase.of(step(new AlterColumn(T, Column.of("a", "text", false),
                Column.of("a", "text", true), EnumSet.of(ColumnChangeKind.NOT_NULL)))));
        assertEquals(StepPhase.EXPAND, StepPhase.of(step(new AlterColumn(T, Column.of("a", "text", true),
                Column.of("a", "text", false), EnumSet.of(ColumnChangeKind.NOT_NULL)))));
        AlterColumn narrowing = new AlterColumn(T, Column.of("a", "varchar(20)", false), Column.of("a", "varchar(10)", false),
                EnumSet.of(ColumnChangeKind.TYPE));
        assertEquals(StepPhase.CONTRACT, StepPhase.of(step(narrowing, new Hazard(HazardCode.DATA_LOSS, "narrows"))));
        AlterColumn widening = new AlterColumn(T, Column.of("a", "varchar(10)", false), Column.of("a", "varchar(20)", false),
                EnumSet.of(ColumnChangeKind.TYPE));
        assertEquals(StepPhase.EXPAND, StepPhase.of(step(widening)));
    }

    @Test
    void syncNamesStayWithinTheServersLengthAndStable() {
        String name = ColumnSync.objectName(QualifiedName.of("public", "a_rather_long_table_name_for_people"),
                "a_long_old_column_name", "a_long_new_column_name", 63);
        assertEquals(63, name.length());
        assertEquals(name, ColumnSync.objectName(QualifiedName.of("public", "a_rather_long_table_name_for_people"),
                "a_long_old_column_name", "a_long_new_column_name", 63));
        assertEquals("converge_sync_t_a_b", ColumnSync.objectName(T, "a", "b", 63));
    }

    private static PlanStep step(Change change, Hazard... hazards) {
        return new PlanStep(1, "x", change.action(), false, change.target(), "step", List.of(), Set.of(),
                List.of(hazards), change);
    }
}
