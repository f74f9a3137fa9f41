package dev.converge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * CatalogDump describes a database's schema as sorted lines of text, read from the system catalogs
 * with the server's own deparse functions (pg_get_constraintdef, pg_get_indexdef, pg_get_viewdef,
 * pg_get_functiondef, pg_get_triggerdef, pg_get_expr...), one query per kind in catalog-dump.sql.
 *
 * <p>It stands in for pg_dump where the installed pg_dump cannot dump the server (pg_dump refuses
 * a server of a newer major, and zonky's embedded binaries ship none). Like pg_dump it shares no
 * code with Converge's inspector, so a blind spot of the inspector cannot hide a difference here.
 */
final class CatalogDump {
    private static final List<String> QUERIES = queries();

    private CatalogDump() {
    }

    static String of(PgDatabase db) {
        List<String> lines = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            // every name the server prints qualified, whatever the database's own search path
            st.execute("SET search_path = pg_catalog");
            for (String query : QUERIES) {
                try (ResultSet rs = st.executeQuery(query)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog of " + db + ": " + e.getMessage(), e);
        }
        lines.sort(null);
        return String.join("\n", lines) + "\n";
    }

    private static List<String> queries() {
        try (InputStream in = CatalogDump.class.getResourceAsStream("catalog-dump.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return List.of(text.split("\n;;\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
