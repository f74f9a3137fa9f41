package dev.converge.engine.fleet;

import dev.converge.engine.plan.phase.BackfillTask;

/**
 * BackfillProgress hears the backfills of a fleet's expand as they go: after each committed batch of a
 * target's task, from the worker that runs it (several at a time: implementations synchronize).
 */
@FunctionalInterface
public interface BackfillProgress {
    void batch(String target, BackfillTask task, long batches, long rowsUpdated, boolean finished);

    BackfillProgress SILENT = (target, task, batches, rows, finished) -> { };
}
