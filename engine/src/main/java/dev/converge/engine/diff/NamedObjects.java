package dev.converge.engine.diff;

import dev.converge.engine.change.Change;
import dev.converge.engine.model.ObjectRef;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * NamedObjects is the walk every differ of a schema-level kind makes over one kind of named,
 * commented object: what only the desired model has is created with its comment, what only the
 * current model has is dropped, and what both have is left to the kind ({@link Reconcile}), which
 * alters it in place or makes it anew; the comment follows from that. Desired objects in their map's
 * order first, then the drops in the current map's order, so that plans stay deterministic.
 *
 * @param <T> the model record of the kind
 */
final class NamedObjects<T> {
    /** What became of an object both models have. */
    enum Outcome {
        /** Kept, or altered in place: its comment is compared with the desired one. */
        IN_PLACE,
        /** Made anew (dropped and created, or recreated): it starts without a comment. */
        ANEW
    }

    /** What the kind does with an object both models have; it adds its steps to {@code out}. */
    @FunctionalInterface
    interface Reconcile<T> {
        Outcome apply(T current, T desired, List<Change> out);
    }

    private final Function<T, Change> create;
    private final Function<T, Change> drop;
    private final Function<T, ObjectRef> ref;
    private final Function<T, String> comment;

    NamedObjects(Function<T, Change> create, Function<T, Change> drop, Function<T, ObjectRef> ref,
                 Function<T, String> comment) {
        this.create = create;
        this.drop = drop;
        this.ref = ref;
        this.comment = comment;
    }

    /** Both models' objects of this kind, by name. */
    <K> void diff(Map<K, T> current, Map<K, T> desired, Reconcile<T> reconcile, List<Change> out) {
        desired.forEach((name, wanted) -> {
            T now = current.get(name);
            if (now == null) {
                out.add(create.apply(wanted));
                Comments.forNew(ref.apply(wanted), comment.apply(wanted), out);
            } else if (reconcile.apply(now, wanted, out) == Outcome.ANEW) {
                Comments.forNew(ref.apply(wanted), comment.apply(wanted), out);
            } else {
                Comments.diff(ref.apply(wanted), comment.apply(now), comment.apply(wanted), out);
            }
        });
        current.forEach((name, now) -> {
            if (!desired.containsKey(name)) {
                out.add(drop.apply(now));
            }
        });
    }

    /** For a kind whose objects differ in nothing but their comment. */
    static <T> Outcome inPlace(T current, T desired, List<Change> out) {
        return Outcome.IN_PLACE;
    }

    /** Drops the current object and creates the desired one, for a change no ALTER can make. */
    Outcome replace(T current, T desired, List<Change> out) {
        out.add(drop.apply(current));
        out.add(create.apply(desired));
        return Outcome.ANEW;
    }
}
