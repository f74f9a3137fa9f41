package dev.converge.dialect.mysql.inspect;

import static dev.converge.dialect.mysql.MysqlIdentifiers.literal;
import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import dev.converge.engine.model.Routine;
import dev.converge.engine.model.RoutineKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RoutineReader reads every stored function and procedure of the database in two queries (ROUTINES
 * and PARAMETERS) and writes each as the canonical CREATE statement Converge compares and runs: the
 * parameters with their modes and types, the result type, every characteristic written out
 * (DETERMINISTIC or not, the SQL data access, SQL SECURITY, the comment when there is one) and the
 * body as stored. MySQL has no overloading, so the engine's signature is empty; the arguments are
 * the parameter list, and a function's result is its return type.
 *
 * <p>The sql_mode and character sets the routine was created under are compared and reproduced
 * ({@link dev.converge.dialect.mysql.ProgramContext}); the definer is not when it is the inspecting
 * user (see {@link Definers}).
 */
final class RoutineReader {
    private final Definers definers;

    RoutineReader(Definers definers) {
        this.definers = definers;
    }

    List<Routine> read(Connection connection) throws SQLException {
        Map<String, List<String>> parameters = parameters(connection);
        List<Routine> routines = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT ROUTINE_NAME, ROUTINE_TYPE, DTD_IDENTIFIER, ROUTINE_DEFINITION, IS_DETERMINISTIC,"
                        + " SQL_DATA_ACCESS, SECURITY_TYPE, ROUTINE_COMMENT, DEFINER, SQL_MODE, CHARACTER_SET_CLIENT,"
                        + " COLLATION_CONNECTION FROM information_schema.ROUTINES"
                        + " WHERE ROUTINE_SCHEMA = DATABASE() AND ROUTINE_TYPE IN ('FUNCTION', 'PROCEDURE')"
                        + " ORDER BY ROUTINE_TYPE, ROUTINE_NAME")) {
            while (rs.next()) {
                String name = rs.getString(1);
                RoutineKind kind = RoutineKind.valueOf(rs.getString(2));
                String arguments = "(" + String.join(", ", parameters.getOrDefault(kind + " " + name, List.of())) + ")";
                String result = kind == RoutineKind.FUNCTION ? rs.getString(3) : null;
                StringBuilder sql = definers.create(rs, 10, 9).append(kind.keyword()).append(' ').append(quote(name)).append(arguments);
                if (result != null) {
                    sql.append(" RETURNS ").append(result);
                }
                sql.append("\n    ").append("YES".equals(rs.getString(5)) ? "DETERMINISTIC" : "NOT DETERMINISTIC")
                        .append(' ').append(rs.getString(6))
                        .append(" SQL SECURITY ").append(rs.getString(7));
                String comment = rs.getString(8);
                if (comment != null && !comment.isEmpty()) {
                    sql.append(" COMMENT ").append(literal(comment));
                }
                sql.append('\n').append(ProgramBodies.normalize(rs.getString(4)));
                routines.add(new Routine(MysqlInspector.name(name), "", kind, arguments, result, sql.toString(),
                        List.of(), null));
            }
        }
        return routines;
    }

    /** "FUNCTION name" -> parameters in order: {@code IN `a` int(11)} (functions have no mode). */
    private static Map<String, List<String>> parameters(Connection connection) throws SQLException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT SPECIFIC_NAME, ROUTINE_TYPE, PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER"
                        + " FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = DATABASE()"
                        + " AND ORDINAL_POSITION > 0 ORDER BY SPECIFIC_NAME, ROUTINE_TYPE, ORDINAL_POSITION")) {
            while (rs.next()) {
                String mode = rs.getString(3);
                if ("FUNCTION".equals(rs.getString(2))) {
                    // MariaDB 10.8+ reports IN for a function's parameters; MySQL reports none and
                    // refuses a mode there: IN is the only mode of a function parameter either way.
                    mode = "IN".equals(mode) ? null : mode;
                }
                String parameter = (mode == null ? "" : mode + " ") + quote(rs.getString(4)) + " " + rs.getString(5);
                parameters.computeIfAbsent(rs.getString(2) + " " + rs.getString(1), k -> new ArrayList<>()).add(parameter);
            }
        }
        return parameters;
    }
}
