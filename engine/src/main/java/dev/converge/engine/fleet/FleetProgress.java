package dev.converge.engine.fleet;

/** FleetProgress hears of each target as it finishes (from the worker threads, one call at a time). */
@FunctionalInterface
public interface FleetProgress {
    void finished(TargetOutcome outcome, int done, int total);

    FleetProgress SILENT = (outcome, done, total) -> { };
}
