package dev.converge.engine.spi;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.source.SqlStatement;
import java.sql.Connection;
import java.util.List;

/**
 * DesiredLoader loads the desired-state statements into an empty shadow database, in an order that
 * lets a statement refer to an object declared later in the files.
 */
public interface DesiredLoader {
    /** @throws BadInputException with every statement the server rejected, at its file:line:col */
    void load(Connection shadow, List<SqlStatement> statements);
}
