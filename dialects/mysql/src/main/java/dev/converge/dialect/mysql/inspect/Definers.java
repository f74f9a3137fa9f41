package dev.converge.dialect.mysql.inspect;

import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Definers decides how a stored program's DEFINER appears in its definition. A CREATE statement that
 * names no DEFINER makes the user who runs it the definer; so the shadow's programs are defined by the
 * inspecting user, and so are the target's after Converge applied them. A definer equal to the
 * inspecting user is therefore left out (the plan neither names nor changes it); any other definer
 * is written into the definition ({@code DEFINER=`app`@`%`}), compared, and created as written.
 */
final class Definers {
    private final String currentUser;

    private Definers(String currentUser) {
        this.currentUser = currentUser;
    }

    static Definers of(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT CURRENT_USER()")) {
            rs.next();
            return new Definers(rs.getString(1));
        }
    }

    /**
     * The head of a stored program's statement as the server would take it back: the session context it
     * was made in, as a comment ({@link ProgramContexts}, from column {@code contextColumn} on), then
     * {@code CREATE} and the definer clause of the definer in column {@code definerColumn}.
     */
    StringBuilder create(ResultSet rs, int contextColumn, int definerColumn) throws SQLException {
        return new StringBuilder(ProgramContexts.of(rs, contextColumn).comment())
                .append("CREATE ").append(clause(rs.getString(definerColumn)));
    }

    /** {@code "DEFINER=`u`@`h` "} with its trailing space, or "" for the inspecting user (or none). */
    String clause(String definer) {
        if (definer == null || definer.isEmpty() || definer.equals(currentUser)) {
            return "";
        }
        int at = definer.lastIndexOf('@');
        if (at < 0) {
            // A role (MySQL 8) or an account written without host.
            return "DEFINER=" + quote(definer) + " ";
        }
        return "DEFINER=" + quote(definer.substring(0, at)) + "@" + quote(definer.substring(at + 1)) + " ";
    }
}
