package dev.converge.engine.plan.phase;

import java.util.Locale;

/**
 * Phase is one half of an expand and contract rollout. {@link #EXPAND} makes only changes the
 * application running today survives (and the expand half of each parallel change), so it can run
 * before the new release; {@link #CONTRACT} makes the rest once no running version needs the old
 * shape any more.
 */
public enum Phase {
    EXPAND, CONTRACT;

    /** The word the command line and the history use: {@code expand}, {@code contract}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
