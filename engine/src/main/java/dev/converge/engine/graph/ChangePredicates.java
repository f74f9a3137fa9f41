package dev.converge.engine.graph;

import dev.converge.engine.change.Action;
import dev.converge.engine.change.Change;
import java.util.Arrays;
import java.util.function.Predicate;

/** ChangePredicates are the small filters the dependency rules are written with. */
final class ChangePredicates {
    private ChangePredicates() {
    }

    @SafeVarargs
    static Predicate<Change> isA(Class<? extends Change>... kinds) {
        return change -> Arrays.stream(kinds).anyMatch(kind -> kind.isInstance(change));
    }

    static Predicate<Change> isCreate() {
        return change -> change.action() == Action.CREATE;
    }

    static Predicate<Change> isDrop() {
        return change -> change.action() == Action.DROP;
    }
}
