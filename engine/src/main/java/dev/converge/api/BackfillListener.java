package dev.converge.api;

/** Hears each committed batch of a backfill. */
@FunctionalInterface
public interface BackfillListener {
    BackfillListener SILENT = (task, batches, rows, done) -> { };

    /**
     * @param task    what is filled ({@code public.people.name <- full_name})
     * @param batches the batches committed so far
     * @param rows    the rows updated so far
     * @param done    true on the task's last batch
     */
    void batch(String task, long batches, long rows, boolean done);
}
