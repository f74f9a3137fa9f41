package dev.converge.dialect.mysql.convergence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ShowCreate is the oracle of the convergence tests, independent of Converge's inspector: the
 * server's own SHOW CREATE TABLE / VIEW of every table and view of a database (and the rows of
 * {@link StoredPrograms} for triggers, routines and events), with what is data or identity
 * rather than schema taken out (the AUTO_INCREMENT counter, the definer, the database's own name).
 */
final class ShowCreate {
    private ShowCreate() {
    }

    private static final java.util.regex.Pattern KEY_LINE = java.util.regex.Pattern.compile(
            "^  (PRIMARY KEY|UNIQUE KEY|KEY|FULLTEXT KEY|SPATIAL KEY|CONSTRAINT|INDEX|CHECK) .*");

    /** Index and constraint lines in name order: MariaDB lists them in creation order, which is no schema. */
    static String sortKeys(String createTable) {
        List<String> lines = new ArrayList<>(List.of(createTable.split("\n")));
        List<String> columns = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        if (lines.size() < 3) {
            return createTable;
        }
        for (String line : lines.subList(1, lines.size() - 1)) {
            String entry = line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
            (KEY_LINE.matcher(entry).matches() ? keys : columns).add(entry);
        }
        keys.sort(null);
        columns.addAll(keys);
        return lines.get(0) + "\n" + String.join(",\n", columns) + "\n" + lines.get(lines.size() - 1);
    }

    static Map<String, String> of(Connection c, String database) throws SQLException {
        List<String[]> objects = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")) {
            while (rs.next()) {
                objects.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        Map<String, String> out = new TreeMap<>();
        for (String[] o : objects) {
            String kind = "VIEW".equals(o[1]) ? "VIEW" : "TABLE";
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SHOW CREATE " + kind + " `" + o[0].replace("`", "``") + "`")) {
                rs.next();
                String text = rs.getString(2)
                        .replaceAll(" AUTO_INCREMENT=\\d+", "")
                        .replaceAll("DEFINER=`[^`]*`@`[^`]*` ", "")
                        .replace("`" + database + "`.", "");
                out.put(kind.toLowerCase() + " " + o[0], sortKeys(text));
            }
        }
        StoredPrograms.addTo(out, c);
        return out;
    }
}
