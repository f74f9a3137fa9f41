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
import dev.converge.dialect.mysql.sql.MysqlExpandContractSql;
import dev.converge.dialect.mysql.sql.MysqlSqlGenerator;
import dev.converge.engine.spi.AssembledDialect;
import dev.converge.engine.spi.DialectParts;
import dev.converge.engine.spi.ShadowSpec;
import java.util.Optional;

/**
 * MysqlDialect is the MySQL/MariaDB family: it names this module's parts for the engine's SPI and is
 * found through {@code META-INF/services/dev.converge.engine.spi.Dialect}. The generator and the
 * classifier of a known server version pin (and explain) that version's ALTER TABLE algorithms.
 */
public final class MysqlDialect extends AssembledDialect {
    public MysqlDialect() {
        super(new DialectParts("mysql", MysqlUrls::accepts, MysqlUrls::parse, new MysqlConnector(),
                new MysqlSqlLexer(), new MysqlStatementSplitter(), new MysqlDesiredLoader(), new MysqlInspector(),
                new MysqlSqlGenerator(), (version, strategies) -> new MysqlSqlGenerator(AlterModes.of(version)),
                new MysqlSafetyClassifier(), (version, strategies) -> new MysqlSafetyClassifier(AlterModes.of(version)),
                // table sizes and bounded, read-only data pre-checks, as on PostgreSQL
                new MysqlPlanAnnotator(), new MysqlShadowFactory(), new MysqlHistoryStore(),
                new MysqlSessionTimeouts(), new MysqlApplyLock(), Optional.of(new MysqlExpandContractSql())));
    }

    @Override
    public ShadowSpec defaultShadow() {
        // The target's own server gives exactly its canonical forms, and costs no server start.
        return ShadowSpec.SERVER;
    }

    /** Every MySQL DDL statement commits on its own. */
    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /** MySQL compares column names without regard to case: {@code Name} to {@code name} is a rename. */
    @Override
    public boolean caseInsensitiveColumnNames() {
        return true;
    }
}
