package dev.converge.dialect.postgres.inspect;

import java.sql.ResultSet;
import java.sql.SQLException;

/** RowMapper turns the current row of a catalog query into one value. */
@FunctionalInterface
interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
}
