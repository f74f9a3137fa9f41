package dev.converge.engine.fleet;

import dev.converge.engine.diag.Plural;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * ReportMerge joins the JSON apply reports of the shards of one fleet apply ({@code --shard K/N})
 * into the report the whole fleet would have had: every target once, sorted by name, counted by
 * outcome; started when the first shard started and lasting until the last one ended. It refuses
 * what would make a wrong summary: reports of other environments or desired states, shards of
 * different splits, a shard given twice or missing, a target in two reports.
 */
public final class ReportMerge {
    /** One shard's report, as read from {@code source}. */
    public record ShardReport(String source, Shard shard, FleetApplyResult result) {
    }

    private ReportMerge() {
    }

    public static FleetApplyResult merge(List<ShardReport> reports) {
        if (reports.isEmpty()) {
            throw new ConvergeException(ErrorKind.USAGE, "report merge needs at least one report");
        }
        ShardReport first = reports.get(0);
        Map<Integer, String> shards = new HashMap<>();
        Map<String, String> seen = new HashMap<>();
        List<TargetOutcome> outcomes = new ArrayList<>();
        List<String> stops = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Instant start = first.result().startedAt();
        Instant end = first.result().startedAt();
        for (ShardReport report : reports) {
            FleetApplyResult r = report.result();
            same(first, report, "environment", first.result().environment(), r.environment());
            same(first, report, "desired state", first.result().desiredHash(), r.desiredHash());
            if (report.shard().count() != first.shard().count()) {
                throw new ConvergeException(ErrorKind.USAGE, report.source() + " is shard " + report.shard() + " and "
                        + first.source() + " shard " + first.shard() + ": reports of different splits");
            }
            String other = shards.put(report.shard().index(), report.source());
            if (other != null) {
                throw new ConvergeException(ErrorKind.USAGE, "shard " + report.shard() + " is given twice: " + other
                        + " and " + report.source());
            }
            for (TargetOutcome o : r.outcomes()) {
                String before = seen.put(o.name(), report.source());
                if (before != null) {
                    throw new ConvergeException(ErrorKind.USAGE, "target " + o.name() + " is in " + before + " and in "
                            + report.source() + ": the reports overlap");
                }
                outcomes.add(o);
            }
            if (r.stopReason() != null) {
                stops.add((report.shard().isAll() ? "" : "shard " + report.shard() + ": ") + r.stopReason());
            }
            if (r.promotionNote() != null && !notes.contains(r.promotionNote())) {
                notes.add(r.promotionNote());
            }
            start = r.startedAt().isBefore(start) ? r.startedAt() : start;
            Instant ended = r.startedAt().plusMillis(r.durationMillis());
            end = ended.isAfter(end) ? ended : end;
        }
        TreeSet<Integer> missing = new TreeSet<>();
        for (int k = 1; k <= first.shard().count(); k++) {
            if (!shards.containsKey(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            throw new ConvergeException(ErrorKind.USAGE, "the " + Plural.noun(missing.size(), "report") + " of " + Plural.noun(missing.size(), "shard") + " "
                    + String.join(", ", missing.stream().map(k -> k + "/" + first.shard().count()).toList())
                    + (missing.size() == 1 ? " is" : " are") + " missing: a fleet"
                    + " summary needs every shard's report");
        }
        outcomes.sort(Comparator.comparing(TargetOutcome::name));
        return new FleetApplyResult(first.result().environment(), first.result().desiredHash(), start,
                end.toEpochMilli() - start.toEpochMilli(), outcomes, stops.isEmpty() ? null : String.join("; ", stops),
                notes.isEmpty() ? null : String.join("; ", notes));
    }

    private static void same(ShardReport first, ShardReport report, String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new ConvergeException(ErrorKind.USAGE, first.source() + " and " + report.source() + " are reports of"
                    + " different " + (what.equals("environment") ? "environments (" + expected + ", " + actual + ")"
                    : "desired states (" + FleetPlanRenderer.shortHash(expected) + ", "
                    + FleetPlanRenderer.shortHash(actual) + "): apply the same commit in every shard"));
        }
    }
}
