package dev.converge.api;

import java.time.Duration;

/**
 * Hears the stages of a plan as they run (split, parse, shadow start, load, inspect target, inspect desired,
 * shadow stop, diff, order, classify, pre-checks) and notes about what a stage did (a normalization cache hit).
 * Set for the whole process with {@link RunSettings#listeningToStages}; a fleet's workers call it from
 * their own threads, each stage's start and end on the thread that runs it.
 */
public interface StageListener {
    /** {@code stage} starts on the calling thread. */
    void started(String stage);

    /** {@code stage} ended on the calling thread after {@code took}. */
    void finished(String stage, Duration took);

    /** A fact about {@code stage} worth a verbose line; never a password or a row value. */
    void note(String stage, String text);
}
