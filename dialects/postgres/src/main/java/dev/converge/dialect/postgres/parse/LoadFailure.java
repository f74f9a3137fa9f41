package dev.converge.dialect.postgres.parse;

import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.source.SqlStatement;
import dev.converge.grammar.support.IdentifierFinder;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * LoadFailure is a statement the shadow server rejected, with the server's message, the place in
 * the statement it points at (a 0-based character offset; 0 when it points nowhere), and a hint.
 */
record LoadFailure(SqlStatement statement, String sqlState, String message, int offset, String hint) {
    static final String MISSING_HINT = "no desired-state file creates it: create it, or fix the name";

    /** SQLSTATEs of a missing object: the statement may pass once another statement has run. */
    private static final Set<String> MISSING = Set.of(
            "42P01", // undefined_table: relation "x" does not exist
            "42704", // undefined_object: type "x" does not exist
            "3F000", // invalid_schema_name: schema "x" does not exist
            "42883", // undefined_function
            "42703"); // undefined_column (a column added by a later ALTER TABLE)

    private static final Pattern MISSING_NAME = Pattern.compile("^\\w+ \"(.+)\" does not exist$");

    static LoadFailure of(SqlStatement statement, SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException ? ((PSQLException) e).getServerErrorMessage() : null;
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (server == null) {
            return new LoadFailure(statement, state, e.getMessage(), 0, null);
        }
        String message = server.getMessage() == null ? e.getMessage() : server.getMessage();
        int offset = server.getPosition() > 0
                ? offset(statement.sql(), server.getPosition())
                : offsetOfMissingName(statement.sql(), message);
        return new LoadFailure(statement, state, message, offset, hint(state, server.getHint()));
    }

    /**
     * True for an error the statement itself caused; false for a lost connection, a cancelled query or
     * a server out of resources (SQLSTATE classes 08, 53, 57, 58, XX), which are nobody's input.
     */
    static boolean isAboutTheStatement(SQLException e) {
        String state = e.getSQLState();
        if (state == null || state.length() < 2) {
            return false;
        }
        return !Set.of("08", "53", "57", "58", "XX").contains(state.substring(0, 2));
    }

    /** A syntax error will never pass; everything else may once another statement has run. */
    boolean mayPassLater() {
        return !sqlState.equals("42601");
    }

    /** The last part of the name a "... does not exist" message names, as the server prints it. */
    Optional<String> missingName() {
        Matcher m = MISSING_NAME.matcher(message);
        if (!MISSING.contains(sqlState) || !m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1);
        return Optional.of(name.substring(name.lastIndexOf('.') + 1));
    }

    LoadFailure withHint(String newHint) {
        return new LoadFailure(statement, sqlState, message, offset, newHint);
    }

    Diagnostic diagnostic() {
        return statement.diagnosticAt(offset, message, hint);
    }

    /*
     * The server's position is a 1-based index in characters (code points) of the statement text;
     * Java offsets count UTF-16 units, which differ after a character beyond U+FFFF.
     */
    private static int offset(String sql, int position) {
        if (position <= 0) {
            return 0;
        }
        int codePoints = sql.codePointCount(0, sql.length());
        return sql.offsetByCodePoints(0, Math.min(position - 1, codePoints));
    }

    /*
     * Some errors carry no position: a foreign key's target table, for one, is looked up after
     * parsing. When the message names a missing object, point at the first token naming it.
     */
    private static int offsetOfMissingName(String sql, String message) {
        Matcher m = MISSING_NAME.matcher(message);
        if (!m.matches()) {
            return 0;
        }
        return Math.max(0, IdentifierFinder.find(sql, m.group(1)));
    }

    private static String hint(String state, String serverHint) {
        switch (state) {
            case "42P01":
            case "42704":
            case "3F000":
                return MISSING_HINT;
            case "42883":
                // The server's hint (argument types, casts) says why a function of that name did not match.
                return MISSING_HINT + (serverHint == null ? "" : " (" + serverHint + ")");
            case "42601":
                // The server's message already quotes the text it stopped at: syntax error at or near "x".
                return serverHint != null ? serverHint
                        : "PostgreSQL cannot read the statement from the caret on; fix the SQL there";
            default:
                return serverHint;
        }
    }
}
