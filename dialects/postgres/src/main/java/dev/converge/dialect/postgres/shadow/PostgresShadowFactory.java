package dev.converge.dialect.postgres.shadow;

import dev.converge.dialect.postgres.connect.PostgresConnector;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.ServerDatabaseShadow;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.Shadow;
import dev.converge.engine.spi.ShadowFactory;
import dev.converge.engine.spi.ShadowSpec;

/**
 * PostgresShadowFactory opens the three kinds of PostgreSQL shadow: an embedded server of the
 * target's major version, a throwaway database on the target's server, or the user's dev database.
 * Each is cleaned up on close, on a failure while opening, and on JVM shutdown (Ctrl-C).
 */
public final class PostgresShadowFactory implements ShadowFactory {
    private final PostgresConnector connector = new PostgresConnector();

    public PostgresShadowFactory() {
    }

    @Override
    public Shadow open(ShadowSpec spec, DatabaseUrl target, ServerVersion targetVersion) {
        return open(spec, target, targetVersion, 0L);
    }

    @Override
    public Shadow open(ShadowSpec spec, DatabaseUrl target, ServerVersion targetVersion, long desiredBytes) {
        switch (spec.mode()) {
            case EMBEDDED:
                return EmbeddedShadow.start(targetVersion == null ? null : targetVersion.major(), desiredBytes);
            case SERVER:
                return ServerDatabaseShadow.create(connector, new PostgresShadowDatabase(), target);
            case DEV:
                return DevShadow.open(connector, spec.devUrl());
            default:
                throw new IllegalArgumentException("unknown shadow mode " + spec.mode());
        }
    }
}
