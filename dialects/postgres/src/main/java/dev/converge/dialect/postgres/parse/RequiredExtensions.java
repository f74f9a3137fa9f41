package dev.converge.dialect.postgres.parse;

import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.source.SqlStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RequiredExtensions finds the extensions the desired files create ({@code CREATE EXTENSION}) that
 * a server cannot provide (not in {@code pg_available_extensions}: its files are not installed).
 */
final class RequiredExtensions {
    private static final Pattern CREATE_EXTENSION = Pattern.compile(
            "(?is)^\\s*create\\s+extension\\s+(?:if\\s+not\\s+exists\\s+)?(\"(?:[^\"]|\"\")*\"|[\\w$]+)");

    private RequiredExtensions() {
    }

    /** Each extension the statements create and the server lacks, reported at its CREATE EXTENSION. */
    static List<Diagnostic> unavailable(Connection server, List<SqlStatement> statements) throws SQLException {
        Set<String> available = available(server);
        List<Diagnostic> missing = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (SqlStatement statement : statements) {
            Matcher m = CREATE_EXTENSION.matcher(statement.sql());
            if (!m.find()) {
                continue;
            }
            String name = name(m.group(1));
            if (!available.contains(name) && reported.add(name)) {
                missing.add(statement.diagnosticAt(m.start(1), "extension \"" + name + "\" is not available", null));
            }
        }
        return missing;
    }

    private static Set<String> available(Connection server) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement st = server.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM pg_catalog.pg_available_extensions")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String name(String written) {
        return written.startsWith("\"") ? written.substring(1, written.length() - 1).replace("\"\"", "\"")
                : written.toLowerCase(java.util.Locale.ROOT);
    }
}
