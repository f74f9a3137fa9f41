package dev.converge.junit;

import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.Dialect;

/**
 * KnownServer is a server whose dialect and admin URL are known when it is handed out: an embedded
 * one that {@code stop} shuts down, or one the user runs, which stays up.
 */
record KnownServer(Dialect dialect, DatabaseUrl adminUrl, Runnable stop) implements DatabaseServer {
    @Override
    public void close() {
        stop.run();
    }
}
