package dev.converge.api;

/**
 * Hears a fleet apply as it goes: once per target, when its apply ended, from the worker that applied
 * it (several at a time: implementations synchronize what they share).
 */
@FunctionalInterface
public interface TargetProgress {
    /** Nobody listens. */
    TargetProgress SILENT = (outcome, done, total) -> { };

    /** {@code outcome} is the {@code done}-th of {@code total} targets to end. */
    void finished(TargetResult outcome, int done, int total);

    /**
     * During {@code apply --env --phase expand}: {@code target}'s backfill of {@code task} (as messages name
     * it: {@code public.people.full_name -> display_name}) has committed {@code batches} batches so far.
     */
    default void backfill(String target, String task, long batches, long rowsUpdated, boolean finished) {
    }
}
