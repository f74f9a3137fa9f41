package dev.converge.engine.spi;

/** ShadowFactory opens shadow databases for a dialect. */
public interface ShadowFactory {
    /**
     * Opens an empty shadow.
     *
     * @param target        the target's URL (a SERVER shadow is created next to it)
     * @param targetVersion the target's version (an EMBEDDED shadow matches its major where it can)
     */
    Shadow open(ShadowSpec spec, DatabaseUrl target, ServerVersion targetVersion);

    /**
     * The same, for desired files of {@code desiredBytes} in all: an embedded server may place its data
     * directory by the size it expects the load to take (PostgreSQL: on tmpfs when it fits there).
     */
    default Shadow open(ShadowSpec spec, DatabaseUrl target, ServerVersion targetVersion, long desiredBytes) {
        return open(spec, target, targetVersion);
    }
}
