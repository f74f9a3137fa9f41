package dev.converge.engine.plan;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.UnmanagedObject;

/**
 * Unmanaged is an object a plan found but does not manage, and where it was found: in the target,
 * or in the desired state (a kind the desired files create that Converge cannot compare yet).
 *
 * @param side "target" or "desired"
 */
public record Unmanaged(String side, UnmanagedObject object) {
    public static final String TARGET = "target";
    public static final String DESIRED = "desired";

    public Unmanaged {
        requireNonNull(side, "side is null");
        requireNonNull(object, "object is null");
    }

    /** {@code materialized view public.daily (in the target)}. */
    public String display() {
        return object + " (in the " + (side.equals(DESIRED) ? "desired state" : "target") + ")";
    }
}
