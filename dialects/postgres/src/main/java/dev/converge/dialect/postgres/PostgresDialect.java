package dev.converge.dialect.postgres;

import dev.converge.dialect.postgres.apply.PostgresSessionTimeouts;
import dev.converge.dialect.postgres.connect.PostgresConnector;
import dev.converge.dialect.postgres.connect.PostgresUrls;
import dev.converge.dialect.postgres.history.PostgresApplyLock;
import dev.converge.dialect.postgres.history.PostgresHistoryStore;
import dev.converge.dialect.postgres.inspect.PostgresInspector;
import dev.converge.dialect.postgres.live.PostgresPlanAnnotator;
import dev.converge.dialect.postgres.parse.PostgresDesiredLoader;
import dev.converge.dialect.postgres.parse.PostgresStatementSplitter;
import dev.converge.dialect.postgres.parse.TargetFixedPoint;
import dev.converge.dialect.postgres.safety.PostgresSafetyClassifier;
import dev.converge.dialect.postgres.shadow.PostgresShadowFactory;
import dev.converge.dialect.postgres.sql.PostgresSqlGenerator;
import dev.converge.engine.model.SchemaModel;
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
import dev.converge.engine.spi.SqlGenerator;
import dev.converge.engine.spi.SqlLexer;
import dev.converge.engine.spi.StatementSplitter;
import java.sql.Connection;

/**
 * PostgresDialect is the PostgreSQL family: it wires this module's parts into the engine's SPI and
 * is found through {@code META-INF/services/dev.converge.engine.spi.Dialect}.
 */
public final class PostgresDialect implements Dialect {
    private final PostgresConnector connector = new PostgresConnector();
    private final StatementSplitter splitter = new PostgresStatementSplitter();
    private final DesiredLoader loader = new PostgresDesiredLoader();
    private final Inspector inspector = new PostgresInspector();
    private final SqlGenerator sqlGenerator = new PostgresSqlGenerator();
    private final SafetyClassifier safetyClassifier = new PostgresSafetyClassifier();
    private final ShadowFactory shadows = new PostgresShadowFactory();
    private final HistoryStore history = new PostgresHistoryStore();
    private final PlanAnnotator annotator = new PostgresPlanAnnotator();
    private final ApplyLock applyLock = new PostgresApplyLock();

    @Override
    public String id() {
        return "postgres";
    }

    @Override
    public boolean acceptsUrl(String url) {
        return PostgresUrls.accepts(url);
    }

    @Override
    public DatabaseUrl parseUrl(String url) {
        return PostgresUrls.parse(url);
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
        return new PostgresSqlLexer();
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

    @Override
    public SqlGenerator sqlGenerator(ServerVersion version, OnlineStrategies strategies) {
        return new PostgresSqlGenerator(version.major(), strategies);
    }

    @Override
    public SafetyClassifier safetyClassifier() {
        return safetyClassifier;
    }

    @Override
    public SafetyClassifier safetyClassifier(ServerVersion version, OnlineStrategies strategies) {
        return new PostgresSafetyClassifier(version.major(), strategies);
    }

    /** Definitions the target holds in its server's first deparse are compared at the fixed point ({@link TargetFixedPoint}). */
    @Override
    public SchemaModel atTargetFixedPoint(Connection target, SchemaModel current, SchemaModel desired) {
        return TargetFixedPoint.apply(target, current, desired);
    }

    @Override
    public PlanAnnotator annotator() {
        return annotator;
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
        return new PostgresSessionTimeouts();
    }

    @Override
    public ApplyLock applyLock() {
        return applyLock;
    }

    @Override
    public java.util.Optional<dev.converge.engine.spi.ExpandContractSql> expandContract() {
        return java.util.Optional.of(new dev.converge.dialect.postgres.sql.PostgresExpandContractSql());
    }

    /** Every new database has the public schema, with this comment (PostgreSQL 13 and later). */
    @Override
    public SchemaModel freshDatabase(SchemaModel live) {
        java.util.List<dev.converge.engine.model.NamedSchema> schemas = live.schemas().stream()
                .filter(s -> s.name().equals("public"))
                .map(s -> new dev.converge.engine.model.NamedSchema("public", "standard public schema")).toList();
        return new SchemaModel(schemas, java.util.List.of(), java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), java.util.List.of());
    }

    /*
     * The catalog does not keep the search path a routine body was written for, so the files cannot
     * say it; like pg_dump, they let the server skip the body check (it checked when the routine was
     * made), and the routines load back whatever order and search path the files end up in.
     */
    @Override
    public java.util.Optional<String> routineFilePreamble() {
        return java.util.Optional.of("SET check_function_bodies = false");
    }
}
