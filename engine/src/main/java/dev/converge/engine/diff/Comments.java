package dev.converge.engine.diff;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.SetComment;
import dev.converge.engine.model.ObjectRef;
import java.util.List;
import java.util.Objects;

/** Comments emits a SetComment when an object's comment differs, and for a new object that has one. */
final class Comments {
    private Comments() {
    }

    /** For an object that exists on both sides. */
    static void diff(ObjectRef object, String current, String desired, List<Change> out) {
        if (!Objects.equals(current, desired)) {
            out.add(new SetComment(object, desired));
        }
    }

    /** For an object the plan creates: only a non-null comment needs a step. */
    static void forNew(ObjectRef object, String desired, List<Change> out) {
        if (desired != null) {
            out.add(new SetComment(object, desired));
        }
    }
}
