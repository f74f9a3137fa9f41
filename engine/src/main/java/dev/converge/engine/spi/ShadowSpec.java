package dev.converge.engine.spi;

import static java.util.Objects.requireNonNull;

/**
 * ShadowSpec says where the shadow database comes from.
 *
 * @param devUrl    the dev database for {@link Mode#DEV}, else null
 * @param byDefault true when nobody chose it (no {@code --shadow}, no {@code --dev-url}): Converge may
 *                  then pick another shadow when this one cannot load the files, and says why
 */
public record ShadowSpec(Mode mode, DatabaseUrl devUrl, boolean byDefault) {
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

    /** A shadow someone chose. */
    public ShadowSpec(Mode mode, DatabaseUrl devUrl) {
        this(mode, devUrl, false);
    }

    /** The same shadow, as the default nobody chose. */
    public ShadowSpec asDefault() {
        return new ShadowSpec(mode, devUrl, true);
    }

    public static final ShadowSpec EMBEDDED = new ShadowSpec(Mode.EMBEDDED, null);
    public static final ShadowSpec SERVER = new ShadowSpec(Mode.SERVER, null);
}
