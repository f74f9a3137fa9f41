package dev.converge.cli.command;

import dev.converge.api.StopSignal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SignalStop turns SIGINT/SIGTERM into a {@link StopSignal} while an apply runs: the JVM's shutdown hook
 * asks the apply to stop at its next safe point and then waits (a bounded grace) until the command has
 * reported and flushed, since the JVM ends as soon as the hook returns.
 */
final class SignalStop implements AutoCloseable {
    /** How long SIGINT/SIGTERM waits for the apply to roll back its group and record the checkpoint. */
    private static final long SHUTDOWN_GRACE_SECONDS = 60;

    private final StopSignal stop = new StopSignal();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread onSignal;

    SignalStop() {
        onSignal = new Thread(() -> {
            stop.request();
            await(finished);
        }, "converge-apply-signal");
        Runtime.getRuntime().addShutdownHook(onSignal);
    }

    StopSignal signal() {
        return stop;
    }

    /** The command has reported and flushed its output: a pending signal may end the JVM now. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it returns now that the apply has finished.
        }
    }

    private static void await(CountDownLatch finished) {
        try {
            finished.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
