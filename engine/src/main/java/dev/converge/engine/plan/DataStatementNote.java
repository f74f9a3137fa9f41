package dev.converge.engine.plan;

import java.util.List;
import java.util.Optional;

/**
 * DataStatementNote tells the reader of a plan that the desired files write rows (a Rails
 * {@code structure.sql} ends with {@code INSERT INTO schema_migrations}): those statements ran in
 * the shadow, where the files put them, and are not part of the plan, which changes the schema only.
 */
final class DataStatementNote {
    /** How many places the note names before it counts the rest. */
    private static final int SHOWN = 3;

    private DataStatementNote() {
    }

    static Optional<String> of(List<String> dataStatements) {
        if (dataStatements.isEmpty()) {
            return Optional.empty();
        }
        int n = dataStatements.size();
        String places = String.join(", ", dataStatements.subList(0, Math.min(SHOWN, n)))
                + (n > SHOWN ? " and " + (n - SHOWN) + " more" : "");
        return Optional.of(n + (n == 1 ? " data statement" : " data statements") + " in the desired files ("
                + places + ") ran in the shadow only: the plan changes the schema, not rows, and does not"
                + " carry " + (n == 1 ? "it" : "them"));
    }
}
