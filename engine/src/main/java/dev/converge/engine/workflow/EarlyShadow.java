package dev.converge.engine.workflow;

import dev.converge.engine.diag.Phases;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.Shadow;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.spi.ServerVersion;

/**
 * EarlyShadow starts the shadow on a thread of its own while the desired files are parsed: the two
 * are independent, and an embedded server's start (initdb, then the server) takes seconds. A thread
 * of its own, not the common pool, which on two cores has one worker and runs the target's
 * inspection. Whoever starts one either {@link #await() takes} the shadow or {@link #abandon()
 * abandons} it; either way no shadow is left behind.
 */
final class EarlyShadow {
    private final Alongside<Shadow> started;

    private EarlyShadow(Alongside<Shadow> started) {
        this.started = started;
    }

    /**
     * Starts opening the shadow {@code spec} chooses, for {@code desiredBytes} of desired SQL;
     * {@code --verbose} times the start itself.
     */
    static EarlyShadow start(Dialect dialect, ShadowSpec spec, DatabaseUrl target, ServerVersion version,
                             long desiredBytes) {
        return new EarlyShadow(Alongside.start("converge-shadow-start", () -> Phases.time(Phases.SHADOW_START,
                () -> dialect.shadows().open(spec, target, version, desiredBytes))));
    }

    /** The started shadow, once it is open; its start's failure is thrown here, as it was raised. */
    Shadow await() {
        return started.join();
    }

    /**
     * Not needed after all (the files are wrong): waits for the start to end and closes what it
     * opened, so that the error is reported with nothing left running. A failed start is not the
     * caller's error, and is dropped.
     */
    void abandon() {
        started.drop(Shadow::close);
    }
}
