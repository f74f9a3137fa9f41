package dev.converge.dialect.postgres.apply;

import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.spi.ApplyLock;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.DesiredLoader;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.HistoryStore;
import dev.converge.engine.spi.Inspector;
import dev.converge.engine.spi.SafetyClassifier;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.ShadowFactory;
import dev.converge.engine.spi.SqlGenerator;
import dev.converge.engine.spi.SqlLexer;
import dev.converge.engine.spi.StatementSplitter;
import java.sql.Connection;
import java.util.List;

/**
 * ConcurrentIndexDialect is PostgreSQL whose index creations run as CREATE INDEX CONCURRENTLY, outside
 * any transaction: plans that mix transactional and non-transactional steps, for the apply tests,
 * whatever the production generator does with indexes.
 */
final class ConcurrentIndexDialect implements Dialect {
    private final PostgresDialect postgres = new PostgresDialect();
    private final SqlGenerator generator = this::statements;

    private List<DdlStatement> statements(Change change) {
        List<DdlStatement> statements = postgres.sqlGenerator().statements(change);
        if (!(change instanceof CreateIndex)) {
            return statements;
        }
        return statements.stream()
                .map(s -> DdlStatement.outsideTransaction(s.sql().contains(" CONCURRENTLY ") ? s.sql()
                        : s.sql().replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY ")))
                .toList();
    }

    @Override public String id() { return postgres.id(); }
    @Override public boolean acceptsUrl(String url) { return postgres.acceptsUrl(url); }
    @Override public DatabaseUrl parseUrl(String url) { return postgres.parseUrl(url); }
    @Override public Connection connect(DatabaseUrl url) { return postgres.connect(url); }
    @Override public ServerVersion version(Connection connection) { return postgres.version(connection); }
    @Override public StatementSplitter splitter() { return postgres.splitter(); }
    @Override public SqlLexer lexer() { return postgres.lexer(); }
    @Override public DesiredLoader loader() { return postgres.loader(); }
    @Override public Inspector inspector() { return postgres.inspector(); }
    @Override public SqlGenerator sqlGenerator() { return generator; }
    @Override public SafetyClassifier safetyClassifier() { return postgres.safetyClassifier(); }
    @Override public ShadowFactory shadows() { return postgres.shadows(); }
    @Override public HistoryStore history() { return postgres.history(); }
    @Override public ApplyLock applyLock() { return postgres.applyLock(); }
}
