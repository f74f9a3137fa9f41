package dev.converge.engine.plan;

import dev.converge.engine.diag.Plural;
import dev.converge.engine.change.Action;
import dev.converge.engine.change.Change;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.UnmanagedObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * UnmanagedPrerequisites refuses, when the plan is made, a plan with a step that needs an object
 * Converge does not manage and the target lacks (a view over a foreign table, a column of a range
 * type, declared in the desired files): the plan would not create that object, so the step would
 * fail at apply, halfway through. Even {@code --allow-unmanaged} cannot make such a plan work, so it
 * is refused in every case, with exit code 5 (the unmanaged-objects code: the files are valid and
 * loaded in the shadow, so this is not bad input), naming each chain.
 */
final class UnmanagedPrerequisites {
    private UnmanagedPrerequisites() {
    }

    static void check(List<Change> changes, SchemaModel current, SchemaModel desired) {
        Set<ObjectRef> built = new HashSet<>();
        for (Change change : changes) {
            if (change.action() != Action.DROP) {
                built.add(change.target());
                built.add(change.target().owner());
            }
        }
        List<String> chains = new ArrayList<>();
        for (UnmanagedObject wanted : desired.unmanaged()) {
            if (current.unmanaged().stream().anyMatch(wanted::sameObjectAs)) {
                continue;
            }
            for (ObjectRef needing : wanted.neededBy()) {
                if (built.contains(needing)) {
                    chains.add(needing.kind().word().replace('_', ' ') + " " + needing.display() + " needs "
                            + wanted.kind() + " " + wanted.name() + ", which Converge does not manage and the target lacks");
                }
            }
        }
        if (!chains.isEmpty()) {
            throw new ConvergeException(ErrorKind.UNMANAGED, "refusing the plan: "
                    + (chains.size() == 1 ? "a step needs" : Plural.count(chains.size(), "step needs", "steps need"))
                    + " an object Converge cannot create:\n  " + String.join("\n  ", chains)
                    + "\nNothing was changed. Create the object on the target first (by hand or with the tool that"
                    + " owns it), or leave what needs it out of the desired files.");
        }
    }
}
