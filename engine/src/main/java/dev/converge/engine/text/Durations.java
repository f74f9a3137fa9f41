package dev.converge.engine.text;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Durations as people write them: a whole number and a unit, {@code ms}, {@code s}, {@code m} or
 * {@code h}. The CLI and converge.yaml read the same units; each keeps its own unit for a bare number
 * (seconds on the command line, milliseconds in the file, as their timeouts have always been given).
 * The CLI keeps its own copy in DurationConverter: it may name only the public API (CliUsesTheApiTest).
 */
public final class Durations {
    private Durations() {
    }

    /** {@code amount} of {@code unit}, one of ms, s, m and h; without a unit (null), of {@code bare}. */
    public static Duration of(long amount, String unit, ChronoUnit bare) {
        if (unit == null) {
            return Duration.of(amount, bare);
        }
        switch (unit) {
            case "ms": return Duration.ofMillis(amount);
            case "s": return Duration.ofSeconds(amount);
            case "m": return Duration.ofMinutes(amount);
            case "h": return Duration.ofHours(amount);
            default: throw new IllegalArgumentException("not a unit of duration: " + unit);
        }
    }
}
