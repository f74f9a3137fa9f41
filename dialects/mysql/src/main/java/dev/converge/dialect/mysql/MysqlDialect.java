package dev.converge.dialect.mysql;

import dev.converge.dialect.mysql.apply.MysqlSessionTimeouts;
import dev.converge.dialect.mysql.connect.MysqlConnector;
import dev.converge.dialect.mysql.connect.MysqlUrls;
import dev.converge.dialect.mysql.history.MysqlApplyLock;
import dev.converge.dialect.mysql.history.MysqlHistoryStore;
import dev.converge.dialect.mysql.inspect.MysqlInspector;
import dev.converge.dialect.mysql.parse.MysqlDesiredLoader;
import dev.converge.dialect.mysql.parse.MysqlSqlLexer;
import dev.converge.dialect.mysql.parse.MysqlStatementSplitter;
import dev.converge.dialect.mysql.safety.MysqlPlanAnnotator;
import dev.converge.dialect.mysql.safety.MysqlSafetyClassifier;
import dev.converge.dialect.mysql.shadow.MysqlShadowFactory;
import dev.converge.dialect.mysql.sql.AlterModes;
import dev.converge.dialect.mysql.sql.MysqlSqlGenerator;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.spi.ApplyLock;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.DesiredLoader;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.HistoryStore;
import dev.converge.engine.spi.Inspector;
import dev.converge.engine.spi.PlanAnnotator;
import dev.converge.engine.spi.SafetyClassifier;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.SessionTimeouts;
import dev.converge.engine.spi.ShadowFactory;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.spi.SqlGenerator;
import dev.converge.engine.spi.SqlLexer;
import dev.converge.engine.spi.StatementSplitter;
import java.sql.Connection;

/**
 * MysqlDialect is the MySQL/MariaDB family: it wires this module's parts into the engine's SPI and is
 * found through {@code META-INF/services/dev.converge.engine.spi.Dialect}.
 */
public final class MysqlDialect implements Dialect {
    private final MysqlConnector connector = new MysqlConnector();
    private final StatementSplitter splitter = new MysqlStatementSplitter();
    private final DesiredLoader loader = new MysqlDesiredLoader();
    private final Inspector inspector = new MysqlInspector();
    private final SqlGenerator sqlGenerator = new MysqlSqlGenerator();
    private final SafetyClassifier safetyClassifier = new MysqlSafetyClassifier();
    private final ShadowFactory shadows = new MysqlShadowFactory();
    private final HistoryStore history = new MysqlHistoryStore();
    private final ApplyLock applyLock = new MysqlApplyLock();

    @Override
    public String id() {
        return "mysql";
    }

    @Override
    public boolean acceptsUrl(String url) {
        return MysqlUrls.accepts(url);
    }

    @Override
    public DatabaseUrl parseUrl(String url) {
        return MysqlUrls.parse(url);
    }

    @Override
    public Connection connect(DatabaseUrl url) {
        return connector.connect(url);
    }

    @Override
    public ServerVersion version(Connection connection) {
        return connector.version(connection);
    }

    @Override
    public SqlLexer lexer() {
        return new MysqlSqlLexer();
    }

    @Override
    public StatementSplitter splitter() {
        return splitter;
    }

    @Override
    public DesiredLoader loader() {
        return loader;
    }

    @Override
    public Inspector inspector() {
        return inspector;
    }

    @Override
    public SqlGenerator sqlGenerator() {
        return sqlGenerator;
    }

    /** The generator that pins the ALTER TABLE algorithms of this server version. */
    @Override
    public SqlGenerator sqlGenerator(ServerVersion version, OnlineStrategies strategies) {
        return new MysqlSqlGenerator(AlterModes.of(version));
    }

    @Override
    public SafetyClassifier safetyClassifier() {
        return safetyClassifier;
    }

    /** Table sizes and bounded, read-only data pre-checks, as on PostgreSQL. */
    @Override
    public PlanAnnotator annotator() {
        return new MysqlPlanAnnotator();
    }

    /** The classifier that explains the algorithms {@link #sqlGenerator(ServerVersion, OnlineStrategies)} pins. */
    @Override
    public SafetyClassifier safetyClassifier(ServerVersion version, OnlineStrategies strategies) {
        return new MysqlSafetyClassifier(AlterModes.of(version));
    }

    @Override
    public ShadowSpec defaultShadow() {
        // The target's own server gives exactly its canonical forms, and costs no server start.
        return ShadowSpec.SERVER;
    }

    @Override
    public ShadowFactory shadows() {
        return shadows;
    }

    @Override
    public HistoryStore history() {
        return history;
    }

    @Override
    public SessionTimeouts sessionTimeouts() {
        return new MysqlSessionTimeouts();
    }

    /** MySQL compares column names without regard to case: {@code Name} to {@code name} is a rename. */
    /** Every MySQL DDL statement commits on its own. */
    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public boolean caseInsensitiveColumnNames() {
        return true;
    }

    @Override
    public ApplyLock applyLock() {
        return applyLock;
    }

    @Override
    public java.util.Optional<dev.converge.engine.spi.ExpandContractSql> expandContract() {
        return java.util.Optional.of(new dev.converge.dialect.mysql.sql.MysqlExpandContractSql());
    }
}
