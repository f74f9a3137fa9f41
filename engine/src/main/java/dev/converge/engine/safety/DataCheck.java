package dev.converge.engine.safety;

import static java.util.Objects.requireNonNull;

/**
 * DataCheck is the result of one bounded, read-only probe of the target's data, made while planning,
 * for a step that may fail on existing rows: a NOT NULL over NULLs, a unique key over duplicates, a
 * check that rows violate, a foreign key with orphans, a type that values do not fit, an enum label
 * still in use.
 *
 * @param what    what was checked: {@code public.orders.shipped_at has no NULLs}
 * @param outcome passed, failed (the step would fail; apply refuses it), or skipped (with why)
 * @param count   the number of offending rows found (0 unless failed)
 * @param query   the query that lists the offending rows, or null: what a plan shows instead of rows
 * @param example one offending value or row, or null; fetched only when the user asked to see row values
 *                on a terminal, and never written to Markdown, JSON, SARIF, a plan file or history
 * @param note    how the probe ran when it matters: {@code sampled 100,000 of ~12.4M rows},
 *                {@code skipped: time budget of 2s exceeded}; null otherwise
 */
public record DataCheck(String what, Outcome outcome, long count, String query, String example, String note) {
    /** What a probe found. */
    public enum Outcome { PASSED, FAILED, SKIPPED }

    public DataCheck {
        requireNonNull(what, "what is null");
        requireNonNull(outcome, "outcome is null");
    }

    public static DataCheck passed(String what, String note) {
        return new DataCheck(what, Outcome.PASSED, 0, null, null, note);
    }

    public static DataCheck failed(String what, long count, String query, String example, String note) {
        return new DataCheck(what, Outcome.FAILED, count, query, example, note);
    }

    public static DataCheck skipped(String what, String why) {
        return new DataCheck(what, Outcome.SKIPPED, 0, null, null, why);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    /** The same check without its example row: what may be kept or shown anywhere. */
    public DataCheck withoutExample() {
        return example == null ? this : new DataCheck(what, outcome, count, query, null, note);
    }

    /**
     * One line, never with a row value: {@code will fail: 1,204 rows violate: ... [note]; find them with:
     * SELECT ...}, {@code checked: ...}, {@code not checked: ...}.
     */
    public String describe() {
        String tail = note == null ? "" : " [" + note + "]";
        switch (outcome) {
            case FAILED:
                return "will fail: " + String.format(java.util.Locale.ROOT, "%,d", count) + " "
                        + (count == 1 ? "row violates" : "rows violate") + ": " + what + tail
                        + (query == null ? "" : "; find " + (count == 1 ? "it" : "them") + " with: " + query);
            case SKIPPED:
                return "not checked: " + what + tail;
            default:
                return "checked: " + what + tail;
        }
    }
}
