package dev.converge.dialect.mysql.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TableOptions turns the option columns of information_schema.TABLES into the options a table is
 * compared by, spelled as CREATE TABLE takes them: {@code ENGINE=InnoDB}, {@code DEFAULT
 * CHARSET=utf8mb4}, {@code COLLATE=utf8mb4_bin}, then the explicit CREATE_OPTIONS
 * ({@code ROW_FORMAT=COMPRESSED}, {@code KEY_BLOCK_SIZE=8}); partitioning is not managed.
 */
final class TableOptions {
    private TableOptions() {
    }

    static List<String> of(String engine, String charset, String collation, String createOptions) {
        List<String> options = new ArrayList<>();
        if (engine != null) {
            options.add("ENGINE=" + engine);
        }
        if (charset != null) {
            options.add("DEFAULT CHARSET=" + charset);
        }
        if (collation != null) {
            options.add("COLLATE=" + collation);
        }
        if (createOptions != null) {
            for (String option : createOptions.trim().split("\\s+")) {
                int eq = option.indexOf('=');
                if (option.isEmpty() || eq <= 0 || option.equalsIgnoreCase("partitioned")) {
                    continue;
                }
                options.add(option.substring(0, eq).replace("`", "").toUpperCase(Locale.ROOT) + option.substring(eq));
            }
        }
        return options;
    }
}
