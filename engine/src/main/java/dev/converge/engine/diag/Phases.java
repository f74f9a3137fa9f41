package dev.converge.engine.diag;

import java.time.Duration;

/**
 * Phases times the stages of making a plan (split, parse, shadow start, load, inspect target, inspect
 * desired, shadow stop, diff, order, classify, pre-checks) and tells a listener, so that a user who waits can see
 * on what ({@code --verbose}). Like a logger, it is one per process: the stages run deep inside the
 * engine, in every caller (CLI, fleet workers), and threading a listener through each call would
 * change every signature for a diagnostic. With no listener (the default) timing costs two clock reads.
 */
public final class Phases {
    /** Names of the stages, as they are printed. */
    public static final String SPLIT = "split";
    public static final String PARSE = "parse";
    public static final String SHADOW_START = "shadow start";
    public static final String LOAD = "load";
    public static final String INSPECT_TARGET = "inspect target";
    public static final String INSPECT_DESIRED = "inspect desired";
    public static final String SHADOW_STOP = "shadow stop";
    public static final String NORMALIZATION_CACHE = "normalization cache";
    public static final String DIFF = "diff";
    public static final String ORDER = "order";
    public static final String CLASSIFY = "classify";
    public static final String PRE_CHECKS = "pre-checks";

    /** Hears each stage start and end, on the thread that runs it, and notes about what a stage did. */
    public interface Listener {
        void started(String phase);

        void finished(String phase, Duration took);

        /** A fact worth a verbose line (a cache hit or miss); never a password or a row value. */
        default void note(String phase, String text) {
        }
    }

    /** Work of a stage that may throw a checked exception (JDBC's SQLException, mostly). */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private static final Listener SILENT = new Listener() {
        @Override
        public void started(String phase) {
        }

        @Override
        public void finished(String phase, Duration took) {
        }
    };

    private static volatile Listener listener = SILENT;

    private Phases() {
    }

    /** Sets the listener of this process; null silences. */
    public static void listen(Listener newListener) {
        listener = newListener == null ? SILENT : newListener;
    }

    /** Runs {@code work} as the stage {@code phase}, telling the listener when it starts and how long it took. */
    public static <T, E extends Exception> T time(String phase, Work<T, E> work) throws E {
        Listener current = listener;
        current.started(phase);
        long start = System.nanoTime();
        try {
            return work.run();
        } finally {
            current.finished(phase, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Tells the listener a fact about {@code phase}. */
    public static void note(String phase, String text) {
        listener.note(phase, text);
    }
}
