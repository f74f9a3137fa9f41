package dev.converge.cli;

import dev.converge.api.StageListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * PhasePrinter shows on standard error what a run spends its time on: with {@code --verbose}, one line
 * per stage with its time ({@code converge: load 3.21 s}) and the notes of the stages (a cache hit);
 * on a terminal, a progress line for any stage that has run more than two seconds, redrawn each
 * second and erased when the stage ends, so that a user who waits sees on what. Fleet workers run
 * stages side by side: the progress line names the oldest one still running.
 */
final class PhasePrinter implements StageListener, AutoCloseable {
    static final Duration PROGRESS_AFTER = Duration.ofSeconds(2);

    private record Running(String phase, long startNanos) {
    }

    private final PrintWriter err;
    private final boolean verbose;
    private final Map<Thread, Running> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    private final ScheduledFuture<?> ticks;
    private volatile boolean progressShown;

    /**
     * @param verbose  print each stage's time and the notes
     * @param terminal draw the progress line (standard error is a terminal)
     */
    PhasePrinter(PrintWriter err, boolean verbose, boolean terminal) {
        this.err = err;
        this.verbose = verbose;
        if (terminal) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "converge-progress");
                t.setDaemon(true);
                return t;
            });
            ticks = ticker.scheduleAtFixedRate(this::drawProgress, 1, 1, TimeUnit.SECONDS);
        } else {
            ticker = null;
            ticks = null;
        }
    }

    @Override
    public void started(String phase) {
        running.put(Thread.currentThread(), new Running(phase, System.nanoTime()));
    }

    @Override
    public void finished(String phase, Duration took) {
        running.remove(Thread.currentThread());
        synchronized (err) {
            eraseProgress();
            if (verbose) {
                err.println("converge: " + phase + " " + seconds(took));
                err.flush();
            }
        }
    }

    @Override
    public void note(String phase, String text) {
        if (verbose) {
            synchronized (err) {
                eraseProgress();
                err.println("converge: " + phase + ": " + text);
                err.flush();
            }
        }
    }

    /** The line for the oldest stage still running, when it has run longer than {@link #PROGRESS_AFTER}. */
    static String progressLine(String phase, Duration elapsed) {
        return elapsed.compareTo(PROGRESS_AFTER) <= 0 ? null
                : "converge: " + phase + " ... " + elapsed.toSeconds() + " s";
    }

    private void drawProgress() {
        long now = System.nanoTime();
        Running oldest = running.values().stream().min((a, b) -> Long.compare(a.startNanos(), b.startNanos()))
                .orElse(null);
        if (oldest == null) {
            return;
        }
        String line = progressLine(oldest.phase(), Duration.ofNanos(now - oldest.startNanos()));
        if (line != null) {
            synchronized (err) {
                err.print("\r\u001b[2K" + line);
                err.flush();
                progressShown = true;
            }
        }
    }

    private void eraseProgress() {
        if (progressShown) {
            err.print("\r\u001b[2K");
            err.flush();
            progressShown = false;
        }
    }

    private static String seconds(Duration took) {
        return String.format(Locale.ROOT, "%.2f s", took.toNanos() / 1e9);
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticks.cancel(false);
            ticker.shutdownNow();
            synchronized (err) {
                eraseProgress();
            }
        }
    }
}
