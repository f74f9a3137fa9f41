package dev.converge.api;

import dev.converge.engine.plan.phase.Backfill;
import java.time.Duration;

/**
 * How the backfill after an expand copies values: rows per batch (one short transaction each), the
 * pause between batches and each batch's statement timeout, as {@code --backfill-batch},
 * {@code --backfill-pause} and {@code --backfill-timeout} set them.
 */
public record BackfillSettings(int batchSize, Duration pause, Duration timeout) {
    /** 1,000 rows a batch, no pause, 30 seconds a batch. */
    public static final BackfillSettings DEFAULT = new BackfillSettings(Backfill.Settings.DEFAULT.batchSize(),
            Backfill.Settings.DEFAULT.pause(), Backfill.Settings.DEFAULT.statementTimeout());

    public BackfillSettings {
        engine(batchSize, pause, timeout); // the engine's checks, with its messages
    }

    Backfill.Settings engine() {
        return engine(batchSize, pause, timeout);
    }

    private static Backfill.Settings engine(int batchSize, Duration pause, Duration timeout) {
        return new Backfill.Settings(batchSize, pause, timeout);
    }
}
