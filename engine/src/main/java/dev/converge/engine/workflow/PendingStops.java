package dev.converge.engine.workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * PendingStops lets a shadow be stopped beside the work that follows its inspection (the diff, the
 * ordering, the classification) instead of before it, and still be gone when that work returns:
 * {@link #close()} waits for every stop it started. Stopping is no part of the answer (an embedded
 * server's shutdown and its directory deleted, or a shadow database dropped: about half a second),
 * but a caller that cleans up after a plan (drops a role, a database) must never race it.
 */
final class PendingStops implements AutoCloseable {
    private final List<Thread> stopping = new ArrayList<>();

    /** Starts {@code stop} on a thread of its own; {@link #close()} waits for it. */
    synchronized void start(Runnable stop) {
        Thread thread = new Thread(stop, "converge-shadow-stop");
        // Daemon: should the JVM exit meanwhile, the shadow's shutdown hook waits for the stop in progress.
        thread.setDaemon(true);
        thread.start();
        stopping.add(thread);
    }

    /** Waits until every stop started has ended (each never throws: ManagedShadow reports and goes on). */
    @Override
    public synchronized void close() {
        boolean interrupted = false;
        for (Thread thread : stopping) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    // Keep waiting: returning before the stop ended would hand the caller the race this prevents.
                    interrupted = true;
                }
            }
        }
        stopping.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
