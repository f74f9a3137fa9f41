package dev.converge.engine.spi;

import static java.util.Objects.requireNonNull;

/**
 * ShadowSpec says where the shadow database comes from.
 *
 * @param devUrl the dev database for {@link Mode#DEV}, else null
 */
public record ShadowSpec(Mode mode, DatabaseUrl devUrl) {
    public enum Mode {
        /** An embedded server started for this run, of the target's major version where binaries exist. */
        EMBEDDED,
        /** A uniquely named throwaway database created on the target's server and dropped afterwards. */
        SERVER,
        /** A dev database the user provides; it must be empty, and is emptied again afterwards. */
        DEV
    }

    public ShadowSpec {
        requireNonNull(mode, "mode is null");
        if ((mode == Mode.DEV) != (devUrl != null)) {
            throw new IllegalArgumentException("a dev URL goes with mode DEV and only with it");
        }
    }

    public static final ShadowSpec EMBEDDED = new ShadowSpec(Mode.EMBEDDED, null);
    public static final ShadowSpec SERVER = new ShadowSpec(Mode.SERVER, null);
}
