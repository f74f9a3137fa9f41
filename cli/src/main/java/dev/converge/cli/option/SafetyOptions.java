package dev.converge.cli.option;

import dev.converge.api.PlanSettings;
import dev.converge.api.Policy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * SafetyOptions are the safety model's knobs shared by plan and apply: which hazards are allowed,
 * the strongest lock a step may take, the online strategies (all on by default), and how far the
 * data pre-checks may go.
 */
public final class SafetyOptions {
    @Option(names = "--allow-hazards", split = ",", paramLabel = "CODE", converter = HazardConverter.class,
            description = "Allow steps with these hazard codes (comma-separated), e.g. DATA_LOSS,TABLE_REWRITE.")
    public List<String> allowHazards = new ArrayList<>();

    @Option(names = "--allow-destructive", description = "Allow every destructive step (drop a table or column, narrow a type).")
    public boolean allowDestructive;

    @Option(names = "--max-lock", paramLabel = "LEVEL", converter = LockConverter.class,
            description = "Refuse steps that take a stronger table lock than this, e.g. SHARE_UPDATE_EXCLUSIVE"
                    + " (default: ACCESS_EXCLUSIVE, i.e. any).")
    public String maxLock = Policy.DEFAULT.maxLock();

    @Option(names = "--no-concurrent-indexes", description = "Build and drop indexes of existing tables in the"
            + " transaction (SHARE / ACCESS EXCLUSIVE) instead of CONCURRENTLY.")
    public boolean noConcurrentIndexes;

    @Option(names = "--no-index-replacement", description = "Replace an index whose definition changed by"
            + " dropping it, then building the new one, instead of building the new one concurrently under a"
            + " temporary name, dropping the old one and renaming the new one (no moment without the index; except"
            + " for an index whose expression or predicate reads a column whose type changes, see docs/safety.md).")
    public boolean noIndexReplacement;

    @Option(names = "--no-not-valid", description = "Add checks and foreign keys validated at once (long lock)"
            + " instead of NOT VALID, then VALIDATE.")
    public boolean noNotValid;

    @Option(names = "--no-not-null-check", description = "SET NOT NULL with a scan under ACCESS EXCLUSIVE instead"
            + " of through a validated CHECK.")
    public boolean noNotNullCheck;

    @Option(names = "--no-data-checks", description = "Do not probe the target's data for steps that may fail on it.")
    public boolean noDataChecks;

    @Option(names = "--data-check-budget", paramLabel = "SECONDS", defaultValue = "10",
            description = "Time budget of all data pre-checks together (default: ${DEFAULT-VALUE}s); a probe"
                    + " beyond it is reported as skipped.")
    public long dataCheckBudgetSeconds = 10;

    @Option(names = "--sample-above", paramLabel = "ROWS", defaultValue = "1000000",
            description = "Probe tables with more estimated rows than this on a sample (default: ${DEFAULT-VALUE}).")
    public long sampleAbove = 1_000_000;

    /** The policy of the flags (with --allow-unmanaged, which {@link DesiredOptions} holds). */
    public Policy policy(boolean allowUnmanaged) {
        return new Policy(allowDestructive, Set.copyOf(allowHazards), maxLock, allowUnmanaged);
    }

    /** Fetch an offending row of each failing data check: set by {@code plan --show-row-values} only. */
    public boolean rowValues;

    /** How plans are made: the online strategies and the live facts' limits of these options. */
    public PlanSettings planSettings() {
        return new PlanSettings(!noConcurrentIndexes, !noIndexReplacement, !noNotValid, !noNotNullCheck, !noDataChecks,
                Duration.ofSeconds(dataCheckBudgetSeconds), sampleAbove, rowValues);
    }

    /** Hazard codes, case-insensitive, with the list of valid ones on a typo. */
    static final class HazardConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return new Policy(false, Set.of(value), null, false).allowHazards().iterator().next();
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Lock levels as ACCESS_EXCLUSIVE, access-exclusive or "ACCESS EXCLUSIVE". */
    static final class LockConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return new Policy(false, Set.of(), value, false).maxLock();
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
