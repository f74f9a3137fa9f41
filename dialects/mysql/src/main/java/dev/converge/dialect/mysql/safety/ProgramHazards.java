package dev.converge.dialect.mysql.safety;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.DropRoutine;
import dev.converge.engine.change.DropTrigger;
import dev.converge.engine.change.ReplaceRoutine;
import dev.converge.engine.model.RoutineKind;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;
import java.util.List;

/**
 * ProgramHazards says what changing a stored program risks in MySQL, which can change neither a
 * trigger nor a routine's body in place: between the DROP and the CREATE the object is missing, so
 * a call fails, and rows written to the table are written without the trigger. Events are changed in
 * place (ALTER EVENT) and risk nothing of the kind.
 */
final class ProgramHazards {
    private ProgramHazards() {
    }

    static void add(Change change, List<Hazard> hazards) {
        if (change instanceof ReplaceRoutine replace && replace.to().kind() != RoutineKind.EVENT) {
            hazards.add(missing(replace.to().kind().keyword().toLowerCase(java.util.Locale.ROOT)
                    + " is dropped and created again: a call between the two statements fails"));
        } else if (change instanceof DropRoutine drop && drop.routine().kind() != RoutineKind.EVENT) {
            hazards.add(new Hazard(HazardCode.UNTRACKED_DEPENDENCY, "views, triggers, other routines and the"
                    + " application may call " + drop.routine().name() + "; MySQL does not check"));
        } else if (change instanceof DropTrigger drop) {
            hazards.add(missing("rows written to " + drop.trigger().table() + " after this step and before the"
                    + " trigger is created again (if it is) do not run " + drop.trigger().name()));
        }
    }

    private static Hazard missing(String why) {
        return new Hazard(HazardCode.BACKWARD_INCOMPATIBLE, why);
    }
}
