package dev.converge.engine.spi;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;

/**
 * LoadAbandonedException ends a shadow's load that runs beside the parse once the parse has found
 * the files wrong ({@link DesiredLoader#load(java.sql.Connection, dev.converge.engine.source.SourceModel,
 * java.util.function.BooleanSupplier)}). The user sees the parse's problems, never this.
 */
public final class LoadAbandonedException extends ConvergeException {
    public LoadAbandonedException() {
        super(ErrorKind.ERROR, "the shadow's load was abandoned: the desired files have problems");
    }

    /** Throws once {@code abandoned} says the load is no longer wanted; the load's own check between steps. */
    public static void throwIf(java.util.function.BooleanSupplier abandoned) {
        if (abandoned.getAsBoolean()) {
            throw new LoadAbandonedException();
        }
    }
}
