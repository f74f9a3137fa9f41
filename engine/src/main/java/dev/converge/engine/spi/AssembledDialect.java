package dev.converge.engine.spi;

import dev.converge.engine.safety.OnlineStrategies;
import java.sql.Connection;
import java.util.Optional;

/**
 * AssembledDialect is a {@link Dialect} made of {@link DialectParts}: it answers every part of the SPI
 * from them, so that the dialects do not each repeat the same twenty delegating methods. A subclass
 * overrides only what is a property of its server rather than a part (transactional DDL, case of
 * column names, the default shadow, a fresh database's contents...).
 */
public abstract class AssembledDialect implements Dialect {
    private final DialectParts parts;

    protected AssembledDialect(DialectParts parts) {
        this.parts = parts;
    }

    @Override
    public final String id() {
        return parts.id();
    }

    @Override
    public final boolean acceptsUrl(String url) {
        return parts.acceptsUrl().test(url);
    }

    @Override
    public final DatabaseUrl parseUrl(String url) {
        return parts.parseUrl().apply(url);
    }

    @Override
    public final Connection connect(DatabaseUrl url) {
        return parts.connector().connect(url);
    }

    @Override
    public final ServerVersion version(Connection connection) {
        return parts.connector().version(connection);
    }

    @Override
    public final SqlLexer lexer() {
        return parts.lexer();
    }

    @Override
    public final StatementSplitter splitter() {
        return parts.splitter();
    }

    @Override
    public final DesiredLoader loader() {
        return parts.loader();
    }

    @Override
    public final Inspector inspector() {
        return parts.inspector();
    }

    @Override
    public final SqlGenerator sqlGenerator() {
        return parts.sqlGenerator();
    }

    @Override
    public final SqlGenerator sqlGenerator(ServerVersion version, OnlineStrategies strategies) {
        return parts.sqlGeneratorFor().apply(version, strategies);
    }

    @Override
    public final SafetyClassifier safetyClassifier() {
        return parts.safetyClassifier();
    }

    @Override
    public final SafetyClassifier safetyClassifier(ServerVersion version, OnlineStrategies strategies) {
        return parts.classifierFor().apply(version, strategies);
    }

    @Override
    public final PlanAnnotator annotator() {
        return parts.annotator();
    }

    @Override
    public final ShadowFactory shadows() {
        return parts.shadows();
    }

    @Override
    public final HistoryStore history() {
        return parts.history();
    }

    @Override
    public final SessionTimeouts sessionTimeouts() {
        return parts.sessionTimeouts();
    }

    @Override
    public final ApplyLock applyLock() {
        return parts.applyLock();
    }

    @Override
    public final Optional<ExpandContractSql> expandContract() {
        return parts.expandContract();
    }
}
