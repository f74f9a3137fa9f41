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
 * @param example one offending value or row, or null
 * @param note    how the probe ran when it matters: {@code sampled 100,000 of ~12.4M rows},
 *                {@code skipped: time budget of 2s exceeded}; null otherwise
 */
public record DataCheck(String what, Outcome outcome, long count, String example, String note) {
    /** What a probe found. */
    public enum Outcome { PASSED, FAILED, SKIPPED }

    public DataCheck {
        requireNonNull(what, "what is null");
        requireNonNull(outcome, "outcome is null");
    }

    public static DataCheck passed(String what, String note) {
        return new DataCheck(what, Outcome.PASSED, 0, null, note);
    }

    public static DataCheck failed(String what, long count, String example, String note) {
        return new DataCheck(what, Outcome.FAILED, count, example, note);
    }

    public static DataCheck skipped(String what, String why) {
        return new DataCheck(what, Outcome.SKIPPED, 0, null, why);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    /** One line: {@code will fail: 1,204 rows ... (e.g. id=7)}, {@code ok: ...}, {@code skipped: ...}. */
    public String describe() {
        String tail = note == null ? "" : " [" + note + "]";
        switch (outcome) {
            case FAILED:
                return "will fail: " + String.format(java.util.Locale.ROOT, "%,d", count) + " "
                        + (count == 1 ? "row" : "rows") + " violate: " + what
                        + (example == null ? "" : " (e.g. " + example + ")") + tail;
            case SKIPPED:
                return "not checked: " + what + tail;
            default:
                return "checked: " + what + tail;
        }
    }
}
