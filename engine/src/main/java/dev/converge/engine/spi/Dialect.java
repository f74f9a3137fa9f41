package dev.converge.engine.spi;

import java.sql.Connection;

/**
 * Dialect is everything the engine needs from one database family. Implementations register in
 * {@code META-INF/services/dev.converge.engine.spi.Dialect} and are found by {@link DialectRegistry}.
 */
public interface Dialect {
    /** Short id: "postgres". */
    String id();

    /** True when this dialect handles the URL (JDBC form or the native {@code scheme://} form). */
    boolean acceptsUrl(String url);

    /** Parses a URL this dialect accepts; a malformed one is a USAGE error. */
    DatabaseUrl parseUrl(String url);

    /**
     * Connects, or fails with a {@link dev.converge.engine.diag.ConvergeException} that says which
     * host and database could not be reached and why, without the password.
     */
    Connection connect(DatabaseUrl url);

    ServerVersion version(Connection connection);

    StatementSplitter splitter();

    DesiredLoader loader();

    Inspector inspector();

    SqlGenerator sqlGenerator();

    SafetyClassifier safetyClassifier();

    ShadowFactory shadows();

    HistoryStore history();

    /** The lock that keeps concurrent applies apart; dialects without one allow concurrent applies. */
    default ApplyLock applyLock() {
        return ApplyLock.NONE;
    }
}
