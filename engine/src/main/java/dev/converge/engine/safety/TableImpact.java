package dev.converge.engine.safety;

import dev.converge.engine.diag.Plural;
import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.QualifiedName;
import java.util.Locale;

/**
 * TableImpact is what the target's statistics say about a table a step locks or rewrites: the
 * planner's row estimate and the table's total size on disk (indexes and TOAST included).
 *
 * @param verb       what the step does to it: {@code rebuilds}, {@code rewrites}, {@code scans}, {@code locks}
 * @param rows       the row estimate, -1 when the table was never analyzed
 * @param totalBytes total size in bytes
 */
public record TableImpact(QualifiedName table, String verb, long rows, long totalBytes) {
    /** The verb of a table built again and its rows copied: its impact says how long the copy may take. */
    public static final String REBUILDS = "rebuilds";

    /**
     * The copy rate the time estimate of a rebuild assumes: 50 MB of table (indexes included) per second,
     * a cautious figure for a server copying rows and building keys on ordinary disks; the real time
     * depends on the server, its disks and its load.
     */
    static final long COPY_BYTES_PER_SECOND = 50L * 1024 * 1024;

    public TableImpact {
        requireNonNull(table, "table is null");
        requireNonNull(verb, "verb is null");
    }

    /**
     * {@code rewrites public.orders: ~12.4M rows, 3.1 GB}; a rebuild adds the time its copy may take
     * ({@code , about 1 min to copy at 50 MB/s}).
     */
    public String describe() {
        String count = rows < 0 ? "row count unknown (never analyzed)" : "~" + count(rows) + " " + Plural.noun(rows, "row");
        String estimate = verb.equals(REBUILDS) ? ", about " + duration(totalBytes / COPY_BYTES_PER_SECOND)
                + " to copy at " + bytes(COPY_BYTES_PER_SECOND) + "/s" : "";
        return verb + " " + table + ": " + count + ", " + bytes(totalBytes) + estimate;
    }

    /** Whole seconds, minutes or hours, rounded up: an estimate, not a measure. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return Plural.count(Math.max(1, seconds), "second");
        }
        if (seconds < 3600) {
            return Plural.count((seconds + 59) / 60, "minute");
        }
        return Plural.count((seconds + 3599) / 3600, "hour");
    }

    static String count(long n) {
        if (n < 1_000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        }
        if (n < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        }
        return String.format(Locale.ROOT, "%.1fG", n / 1e9);
    }

    static String bytes(long n) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB"};
        double value = n;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? n + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
