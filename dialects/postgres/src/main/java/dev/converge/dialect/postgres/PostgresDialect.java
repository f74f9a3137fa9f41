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
import dev.converge.dialect.postgres.sql.PostgresExpandContractSql;
import dev.converge.dialect.postgres.sql.PostgresSqlGenerator;
import dev.converge.engine.model.NamedSchema;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.spi.AssembledDialect;
import dev.converge.engine.spi.DialectParts;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * PostgresDialect is the PostgreSQL family: it names this module's parts for the engine's SPI and is
 * found through {@code META-INF/services/dev.converge.engine.spi.Dialect}. The generator and the
 * classifier of a known server version follow that major's lock levels and the chosen online strategies.
 */
public final class PostgresDialect extends AssembledDialect {
    public PostgresDialect() {
        super(new DialectParts("postgres", PostgresUrls::accepts, PostgresUrls::parse, new PostgresConnector(),
                new PostgresSqlLexer(), new PostgresStatementSplitter(), new PostgresDesiredLoader(),
                new PostgresInspector(), new PostgresSqlGenerator(),
                (version, strategies) -> new PostgresSqlGenerator(version.major(), strategies),
                new PostgresSafetyClassifier(),
                (version, strategies) -> new PostgresSafetyClassifier(version.major(), strategies),
                new PostgresPlanAnnotator(), new PostgresShadowFactory(), new PostgresHistoryStore(),
                new PostgresSessionTimeouts(), new PostgresApplyLock(), Optional.of(new PostgresExpandContractSql())));
    }

    /** Definitions the target holds in its server's first deparse are compared at the fixed point ({@link TargetFixedPoint}). */
    @Override
    public SchemaModel atTargetFixedPoint(Connection target, SchemaModel current, SchemaModel desired) {
        return TargetFixedPoint.apply(target, current, desired);
    }

    /** Every new database has the public schema, with this comment (PostgreSQL 13 and later). */
    @Override
    public SchemaModel freshDatabase(SchemaModel live) {
        List<NamedSchema> schemas = live.schemas().stream()
                .filter(s -> s.name().equals("public"))
                .map(s -> new NamedSchema("public", "standard public schema")).toList();
        return new SchemaModel(schemas, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /*
     * The catalog does not keep the search path a routine body was written for, so the files cannot
     * say it; like pg_dump, they let the server skip the body check (it checked when the routine was
     * made), and the routines load back whatever order and search path the files end up in.
     */
    @Override
    public Optional<String> routineFilePreamble() {
        return Optional.of("SET check_function_bodies = false");
    }
}
