package dev.converge.dialect.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SearchPaths reads a {@code search_path} value as written in SQL or printed by the server
 * ({@code app, public}, {@code "$user", public}, {@code ''}): the schema names in order, each as
 * the server stores it (quoted names keep their case, the others fold to lower case).
 */
public final class SearchPaths {
    private SearchPaths() {
    }

    public static List<String> schemas(String value) {
        List<String> schemas = new ArrayList<>();
        for (String part : value.split(",")) {
            String schema = part.strip();
            if (schema.startsWith("'") && schema.endsWith("'") && schema.length() >= 2) {
                schema = schema.substring(1, schema.length() - 1).strip();
            }
            if (schema.startsWith("\"") && schema.endsWith("\"") && schema.length() >= 2) {
                schema = schema.substring(1, schema.length() - 1).replace("\"\"", "\"");
            } else {
                schema = schema.toLowerCase(Locale.ROOT);
            }
            if (!schema.isEmpty()) {
                schemas.add(schema);
            }
        }
        return schemas;
    }
}
