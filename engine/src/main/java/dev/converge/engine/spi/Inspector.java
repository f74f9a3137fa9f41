package dev.converge.engine.spi;

import dev.converge.engine.model.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Inspector reads a live database into a {@link SchemaModel}, in a fixed number of bulk catalog
 * queries whatever the number of objects (never one query per table).
 */
public interface Inspector {
    SchemaModel inspect(Connection connection, InspectScope scope) throws SQLException;
}
