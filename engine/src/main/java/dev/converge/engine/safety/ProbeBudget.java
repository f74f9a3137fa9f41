package dev.converge.engine.safety;

import java.time.Clock;
import java.time.Instant;

/**
 * ProbeBudget is how far a plan's data pre-checks may go on a target, the same for every dialect: all
 * of them together until {@code deadline}, tables above {@code sampleAbove} estimated rows on a sample,
 * and an offending row fetched only when the user asked to see values.
 *
 * @param rowValues fetch one offending row of a failing probe (the user asked to see values)
 */
public record ProbeBudget(Clock clock, Instant deadline, long sampleAbove, boolean rowValues) {
    /** Milliseconds left before the deadline; zero or less when none is left. */
    public long millisLeft() {
        return deadline.toEpochMilli() - clock.instant().toEpochMilli();
    }

    /** True when a table of about {@code rows} rows (-1: unknown) is probed on a sample. */
    public boolean sampled(long rows) {
        return rows > sampleAbove;
    }
}
