package dev.converge.engine.workflow;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Alongside runs one piece of work on a thread of its own while the caller does another (the
 * shadow's start while the files are split, its load while they are parsed). A thread of its own, not the common pool, which on two
 * cores has one worker and runs the target's inspection. Its outcome is either {@link #join() taken}
 * or {@link #drop() dropped}; the work itself must leave nothing open when it fails.
 *
 * @param <T> what the work returns
 */
final class Alongside<T> {
    private final CompletableFuture<T> outcome = new CompletableFuture<>();

    private Alongside() {
    }

    /** Starts {@code work} on a daemon thread called {@code name}. */
    static <T> Alongside<T> start(String name, Supplier<T> work) {
        Alongside<T> alongside = new Alongside<>();
        Thread thread = new Thread(() -> {
            try {
                alongside.outcome.complete(work.get());
            } catch (RuntimeException | Error e) {
                alongside.outcome.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return alongside;
    }

    /** The work's result once it ends; its failure is thrown here, as it was raised. */
    T join() {
        try {
            return outcome.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Waits for the work to end and forgets how it ended: the caller has an error of its own to report. */
    void drop() {
        drop(result -> { });
    }

    /**
     * Waits for the work to end; a result is handed to {@code cleanup} (to close what the work opened),
     * a failure forgotten: the caller has an error of its own to report.
     */
    void drop(Consumer<? super T> cleanup) {
        T result;
        try {
            result = outcome.join();
        } catch (CompletionException ignored) {
            // The caller's error is the one to report; this one followed from it, or does not matter next to it.
            return;
        }
        cleanup.accept(result);
    }
}
