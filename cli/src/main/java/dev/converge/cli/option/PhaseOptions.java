package dev.converge.cli.option;

import dev.converge.api.BackfillSettings;
import dev.converge.api.Phase;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * PhaseOptions choose a half of an expand and contract rollout (docs/expand-contract.md), with the
 * backfill's pace and the contract gate.
 */
public final class PhaseOptions {
    @Option(names = "--phase", paramLabel = "PHASE", converter = PhaseConverter.class,
            description = "expand: only what the running application survives (and the first half of each parallel"
                    + " change, then its backfill); contract: the rest, once expand has finished.")
    public Phase phase;

    @Option(names = "--confirm-contract",
            description = "With --phase contract: the old release is gone (or set CONVERGE_CONFIRM_CONTRACT=yes).")
    public boolean confirmContract;

    @Option(names = "--contract-flag-sql", paramLabel = "QUERY",
            description = "With --phase contract: a query on the target whose first value is true once the old release is"
                    + " gone (a feature flag); true confirms contract as --confirm-contract does.")
    public String contractFlagSql;

    @Option(names = "--backfill-batch", paramLabel = "ROWS", defaultValue = "1000",
            description = "Rows per backfill batch, one short transaction each (default: ${DEFAULT-VALUE}).")
    public int batchSize = 1000;

    @Option(names = "--backfill-pause", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
            description = "Pause between backfill batches: 100ms, 1s (default: ${DEFAULT-VALUE}).")
    public Duration pause = Duration.ZERO;

    @Option(names = "--backfill-timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Statement timeout of each backfill batch (default: ${DEFAULT-VALUE}).")
    public Duration timeout = Duration.ofSeconds(30);

    @Option(names = "--backfill-progress", paramLabel = "FORMAT", defaultValue = "text",
            description = "How each committed backfill batch is reported: text (a line on standard output) or json"
                    + " (a JSON object per line on standard error, for pipelines) (default: ${DEFAULT-VALUE}).")
    public ProgressFormat progress = ProgressFormat.text;

    /** The forms of the backfill's progress: a sentence for people, or JSON Lines for programs. */
    public enum ProgressFormat { text, json }

    public BackfillSettings backfill() {
        return new BackfillSettings(batchSize, pause, timeout);
    }

    /** {@code expand} or {@code contract}, any case. */
    static final class PhaseConverter implements picocli.CommandLine.ITypeConverter<Phase> {
        @Override
        public Phase convert(String value) {
            try {
                return Phase.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
