package dev.converge.api;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.fleet.FleetApplyResult;
import dev.converge.engine.fleet.FleetReports;
import dev.converge.engine.fleet.ReportMerge;
import dev.converge.engine.fleet.TargetOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a fleet apply did to an environment.
 *
 * @param environment  the environment
 * @param targets      each target's outcome, in rollout order
 * @param allConverged true when every target converged
 * @param summary      the summary the CLI prints
 * @param report       the JSON report {@code apply --env NAME --report FILE} writes
 * @param promotionNote  what was recorded in each target's history about a skipped promotion check, or null
 */
public record FleetOutcome(String environment, List<TargetResult> targets, boolean allConverged, String summary,
                           String report, String promotionNote) {
    public FleetOutcome {
        targets = List.copyOf(targets);
    }

    /**
     * Joins the JSON reports of the shards of one fleet apply ({@code apply --env NAME --shard K/N
     * --report FILE}) into the outcome the whole fleet would have had, as if one job had applied them
     * all: {@code converge report merge}. Reads the files only. Reports of other environments or
     * desired states, shards of different splits, a shard given twice or missing, or a target in two
     * reports are refused with a {@link ConvergeException}; an unreadable file is one of kind USAGE.
     */
    public static FleetOutcome mergeShards(List<Path> shardReports) {
        List<ReportMerge.ShardReport> shards = new ArrayList<>();
        for (Path file : shardReports) {
            shards.add(FleetReports.readApplyReport(read(file), file.toString()));
        }
        return of(ReportMerge.merge(shards));
    }

    /**
     * The exit code of {@code converge apply --env} for this outcome: 0 when every target converged;
     * {@link ErrorKind#ERROR}'s when a target failed or did not converge (an error wins over a refusal,
     * as for one target) or none was applied; else {@link ErrorKind#REFUSED}'s.
     */
    public int exitCode() {
        if (allConverged) {
            return 0;
        }
        boolean anyError = targets.stream().anyMatch(t -> t.status().equals(TargetOutcome.Status.FAILED.label())
                || t.status().equals(TargetOutcome.Status.NOT_CONVERGED.label()));
        boolean anyRefused = targets.stream().anyMatch(t -> t.status().equals(TargetOutcome.Status.REFUSED.label()));
        return (!anyError && anyRefused ? ErrorKind.REFUSED : ErrorKind.ERROR).exitCode();
    }

    static FleetOutcome of(FleetApplyResult result) {
        return of(result, FleetReports.applyReport(result));
    }

    /** With the report of one shard's apply, which says which shard it was. */
    static FleetOutcome of(FleetApplyResult result, String report) {
        return new FleetOutcome(result.environment(), result.outcomes().stream().map(TargetResult::of).toList(),
                result.allConverged(), FleetReports.summary(result), report, result.promotionNote());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.USAGE, "cannot read the report " + file + ": " + e.getMessage(), e);
        }
    }
}
