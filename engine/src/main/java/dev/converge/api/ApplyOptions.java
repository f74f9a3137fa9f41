package dev.converge.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link TargetSession#apply} and {@link TargetSession#resume} run a plan, beyond the policy: how
 * long to wait for another apply of the same target ({@code --lock-wait}), each statement's timeouts
 * and retries, who hears each step and each retry, the signal that stops it at a checkpoint, and the
 * phase recorded in the history ({@code apply --phase}; null for none).
 */
public record ApplyOptions(Duration lockWait, StatementSettings statements, StepListener steps, RetryListener retries,
                           StopSignal stop, Phase phase) {
    /** No wait for another apply, the default statement settings, nobody listening, no phase. */
    public static final ApplyOptions DEFAULT = new ApplyOptions(Duration.ZERO, StatementSettings.DEFAULT,
            StepListener.SILENT, RetryListener.SILENT, new StopSignal(), null);

    public ApplyOptions {
        Objects.requireNonNull(lockWait, "lockWait is null");
        Objects.requireNonNull(statements, "statements is null");
        Objects.requireNonNull(steps, "steps is null");
        Objects.requireNonNull(retries, "retries is null");
        Objects.requireNonNull(stop, "stop is null");
    }
}
