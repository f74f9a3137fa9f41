package dev.converge.api;

import dev.converge.engine.apply.ApplyInterrupt;

/**
 * Asks a running apply or backfill to stop at its next safe point (a step group rolled back and its
 * checkpoint recorded, a batch committed): what the CLI does on Ctrl-C. A later apply with
 * {@link TargetSession#resume} (or the phase run again) continues from there. Thread-safe.
 */
public final class StopSignal {
    private final ApplyInterrupt interrupt = new ApplyInterrupt();

    /** Stop at the next safe point; may be called from any thread (a shutdown hook). */
    public void request() {
        interrupt.request();
    }

    public boolean requested() {
        return interrupt.requested();
    }

    ApplyInterrupt interrupt() {
        return interrupt;
    }
}
