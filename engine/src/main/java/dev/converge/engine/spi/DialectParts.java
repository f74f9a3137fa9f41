package dev.converge.engine.spi;

import dev.converge.engine.safety.OnlineStrategies;
import java.sql.Connection;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * DialectParts is what a dialect is made of: one value per part of the {@link Dialect} SPI, so that a
 * dialect module only names its parts ({@link AssembledDialect} hands them to the engine) and says in
 * its own class where it departs from the SPI's defaults. Every part is shared by every caller, so
 * each must be stateless or safe to share; none is null (a dialect without a part passes the SPI's
 * no-op, such as {@link ApplyLock#NONE}).
 *
 * @param id               the dialect's short id ("postgres")
 * @param acceptsUrl       whether a URL is this dialect's (JDBC form or the native {@code scheme://} form)
 * @param parseUrl         parses a URL {@code acceptsUrl} accepts
 * @param connector        opens connections and reads the server's version
 * @param sqlGenerator     the generator for an unknown server version, with the default strategies
 * @param sqlGeneratorFor  the generator for a server version and online strategies
 * @param safetyClassifier the classifier that matches {@code sqlGenerator}
 * @param classifierFor    the classifier that matches {@code sqlGeneratorFor} with the same arguments
 * @param expandContract   how the dialect writes expand and contract, where it can
 */
public record DialectParts(
        String id,
        Predicate<String> acceptsUrl,
        Function<String, DatabaseUrl> parseUrl,
        Connector connector,
        SqlLexer lexer,
        StatementSplitter splitter,
        DesiredLoader loader,
        Inspector inspector,
        SqlGenerator sqlGenerator,
        BiFunction<ServerVersion, OnlineStrategies, SqlGenerator> sqlGeneratorFor,
        SafetyClassifier safetyClassifier,
        BiFunction<ServerVersion, OnlineStrategies, SafetyClassifier> classifierFor,
        PlanAnnotator annotator,
        ShadowFactory shadows,
        HistoryStore history,
        SessionTimeouts sessionTimeouts,
        ApplyLock applyLock,
        Optional<ExpandContractSql> expandContract) {

    /** Opens connections to a dialect's servers; see {@link Dialect#connect} and {@link Dialect#version}. */
    public interface Connector {
        Connection connect(DatabaseUrl url);

        ServerVersion version(Connection connection);
    }
}
