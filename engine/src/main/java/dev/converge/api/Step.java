package dev.converge.api;

import java.util.List;
import java.util.Set;

/**
 * One step of a plan, as a reviewer reads it.
 *
 * @param number       1-based position in the plan
 * @param description  one line ({@code add column public.orders.note text})
 * @param action       CREATE, ALTER or DROP
 * @param classes      the safety classes (ADDITIVE, DESTRUCTIVE, LOCKING...)
 * @param hazards      what may hurt, each with its code
 * @param strongestLock the strongest table lock the step takes ({@code ACCESS_EXCLUSIVE}...)
 * @param sql          the statements, in order
 * @param source       where the object is declared ({@code schema/orders.sql:14}), empty for a drop,
 *                     null when unknown
 */
public record Step(int number, String description, String action, Set<String> classes, List<Hazard> hazards,
                   String strongestLock, List<String> sql, String source) {
    public Step {
        classes = Set.copyOf(classes);
        hazards = List.copyOf(hazards);
        sql = List.copyOf(sql);
    }

    /** True when the step destroys data (a dropped table or column, a narrowed type). */
    public boolean isDestructive() {
        return classes.contains("DESTRUCTIVE");
    }
}
