package dev.converge.dialect.mysql.inspect;

import dev.converge.dialect.mysql.ProgramContext;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a program's context from the SQL_MODE, CHARACTER_SET_CLIENT, COLLATION_CONNECTION columns of information_schema. */
final class ProgramContexts {
    private ProgramContexts() {
    }

    /** The context in three columns of the row, the first at {@code column}. */
    static ProgramContext of(ResultSet rs, int column) throws SQLException {
        return new ProgramContext(rs.getString(column), rs.getString(column + 1), rs.getString(column + 2));
    }
}
