package dev.converge.engine.spi;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.source.SqlStatement;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * DesiredLoader loads the desired-state statements into an empty shadow database, in an order that
 * lets a statement refer to an object declared later in the files.
 */
public interface DesiredLoader {
    /** @throws BadInputException with every statement the server rejected, at its file:line:col */
    void load(Connection shadow, List<SqlStatement> statements);

    /**
     * Reads the statements without a database: syntax, annotations, references, the order to load
     * them in and where each object is declared. A dialect without a parser keeps file order.
     *
     * @throws BadInputException with every problem found, at its file:line:col
     */
    default SourceModel parse(List<SqlStatement> statements) {
        return SourceModel.unparsed(statements);
    }

    /** Loads statements already put in order by {@link #parse}. */
    default void load(Connection shadow, SourceModel source) {
        load(shadow, source.loadOrder());
    }

    /**
     * The statements as {@link #load(Connection, SourceModel)} would run them, found without parsing
     * them, for a dialect whose load order needs no parse (file order): the engine then loads them
     * while {@link #parse} checks them on another thread, and the parse's problems still win. Empty
     * (the default) when the load order needs the parse. {@link #prepareCluster} and
     * {@link #unavailableExtensions} must accept the model returned.
     */
    default Optional<SourceModel> loadableWithoutParse(List<SqlStatement> statements) {
        return Optional.empty();
    }

    /**
     * The same load, which may stop early, throwing, once {@code abandoned} says so: the parse beside
     * it found the files wrong, and what the shadow would say about them no longer matters. The
     * default checks only before it starts.
     */
    default void load(Connection shadow, SourceModel source, BooleanSupplier abandoned) {
        LoadAbandonedException.throwIf(abandoned);
        load(shadow, source);
    }

    /**
     * Prepares a shadow that is a server of its own ({@link Shadow#ownsCluster()}) for the statements:
     * creates there the cluster-wide objects they name but cannot create themselves (PostgreSQL: the
     * roles that GRANT and REVOKE name). Never called for a shadow on a shared server.
     */
    default void prepareCluster(Connection shadow, SourceModel source) {
    }

    /**
     * The extensions the statements create that the shadow's server cannot provide, each reported at
     * the statement that creates it; checked before loading, so that the answer names the extension
     * and how to proceed rather than every statement that needed it.
     */
    default List<Diagnostic> unavailableExtensions(Connection shadow, SourceModel source) {
        return List.of();
    }
}
