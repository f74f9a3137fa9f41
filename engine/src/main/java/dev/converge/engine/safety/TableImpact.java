package dev.converge.engine.safety;

import dev.converge.engine.diag.Plural;
import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.QualifiedName;
import java.util.Locale;

/**
 * TableImpact is what the target's statistics say about a table a step locks or rewrites: the
 * planner's row estimate and the table's total size on disk (indexes and TOAST included).
 *
 * @param verb       what the step does to it: {@code rewrites}, {@code scans}, {@code locks}
 * @param rows       the row estimate, -1 when the table was never analyzed
 * @param totalBytes total size in bytes
 */
public record TableImpact(QualifiedName table, String verb, long rows, long totalBytes) {
    public TableImpact {
        requireNonNull(table, "table is null");
        requireNonNull(verb, "verb is null");
    }

    /** {@code rewrites public.orders: ~12.4M rows, 3.1 GB}. */
    public String describe() {
        String count = rows < 0 ? "row count unknown (never analyzed)" : "~" + count(rows) + " " + Plural.noun(rows, "row");
        return verb + " " + table + ": " + count + ", " + bytes(totalBytes);
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
