package dev.converge.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RealWorldEvolution makes a realistic change to a real-world schema, as a developer would edit its
 * files: on one table it renames a column (with {@code converge:renamed-from}), retypes an integer
 * column to bigint, drops a column, adds a column and a check, and adds a new table with a foreign
 * key to it. The table is picked from the catalog of a database built from the files: a plain
 * table with a one-column integer primary key (or, in a schema that has none, a bytea one: icingadb
 * keys its tables by SHA-1 sums in bytea domains), no foreign key, check or trigger of its own (so
 * that test rows can be inserted), whose renamed, retyped and dropped columns are named nowhere
 * else in the files (so that the edit is local).
 *
 * @param table   the table changed
 * @param key     its one-column integer primary key
 * @param renamed the column renamed (to {@code renamed + "_renamed"}), a nullable text column
 * @param retyped the integer column retyped to bigint, or null when the table has none to spare
 * @param dropped the column dropped
 * @param keyType the key's type as format_type prints it ({@code integer}, {@code bytea20})
 */
record RealWorldEvolution(String table, String key, String renamed, String retyped, String dropped, String keyType) {
    static final String NEW_TABLE = "converge_evolution_notes";
    static final String ADDED_COLUMN = "converge_added";
    static final String ADDED_CHECK = "converge_positive_id";

    private static final Set<String> INSERTABLE = Set.of("smallint", "integer", "bigint", "text", "character varying",
            "boolean", "timestamp without time zone", "timestamp with time zone", "date", "numeric", "jsonb", "json",
            "bytea");

    String newName() {
        return renamed + "_renamed";
    }

    /** A table of {@code db} (built from {@code files}) that can take the change, if there is one. */
    static Optional<RealWorldEvolution> pick(PgDatabase db, String files) throws SQLException {
        try (Connection c = db.connect()) {
            for (String[] candidate : candidates(c)) {
                String table = candidate[0];
                String key = candidate[1];
                String keyType = candidate[2];
                List<String[]> columns = columns(c, table);
                if (columns.stream().anyMatch(col -> col[2].equals("NO") && col[3] == null
                        && !INSERTABLE.contains(col[1]))) {
                    continue;
                }
                String renamed = local(table, columns, files, col -> col[2].equals("YES")
                        && (col[1].equals("text") || col[1].equals("character varying")));
                String retyped = local(table, columns, files, col -> col[1].equals("integer") && !col[0].equals(key),
                        renamed);
                String dropped = local(table, columns, files, col -> col[2].equals("YES") && !col[0].equals(key),
                        renamed, retyped);
                if (renamed != null && dropped != null) {
                    return Optional.of(new RealWorldEvolution(table, key, renamed, retyped, dropped, keyType));
                }
            }
        }
        return Optional.empty();
    }

    /** Writes the evolved files into {@code desired}: the edited schema file and one new file. */
    void write(Path desired, Path schemaFile) throws IOException {
        String sql = Files.readString(schemaFile, StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("(?mi)^CREATE TABLE (?:IF NOT EXISTS )?(?:\"?public\"?\\.)?\"?"
                + Pattern.quote(table) + "\"? *\\( *\\r?\\n(.*?)\\r?\\n\\)", Pattern.DOTALL).matcher(sql);
        if (!block.find()) {
            throw new IllegalStateException("no CREATE TABLE block for " + table);
        }
        List<String> lines = new ArrayList<>(List.of(block.group(1).split("\n", -1)));
        List<String> edited = new ArrayList<>();
        for (String line : lines) {
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            String column = line.stripLeading();
            if (declares(column, dropped)) {
                continue;
            }
            if (declares(column, renamed)) {
                edited.add(indent + "-- converge:renamed-from " + renamed);
                edited.add(indent + newName() + column.substring(column.indexOf(renamed) + renamed.length()));
            } else if (retyped != null && declares(column, retyped)) {
                edited.add(line.replaceFirst("(?i) (integer|int4|int)\\b", " bigint"));
            } else {
                edited.add(line);
            }
        }
        int last = edited.size() - 1;
        edited.set(last, edited.get(last).replaceFirst(",$", ""));
        String evolved = sql.substring(0, block.start(1)) + String.join("\n", edited) + sql.substring(block.end(1));
        Files.writeString(desired.resolve("00.sql"), evolved, StandardCharsets.UTF_8);
        Files.writeString(desired.resolve("99_evolution.sql"), String.join("\n",
                "ALTER TABLE public." + table + " ADD COLUMN " + ADDED_COLUMN + " text;",
                "ALTER TABLE public." + table + " ADD CONSTRAINT " + ADDED_CHECK + " CHECK (" + key
                        + (integerKey() ? " > 0);" : " IS NOT NULL);"),
                "CREATE TABLE public." + NEW_TABLE + " (",
                "    id bigint PRIMARY KEY,",
                "    parent_id " + (integerKey() ? "bigint" : keyType) + " NOT NULL REFERENCES public." + table
                        + " (" + key + "),",
                "    note text",
                ");",
                ""), StandardCharsets.UTF_8);
    }

    private boolean integerKey() {
        return keyType.equals("integer") || keyType.equals("bigint");
    }

    private static boolean declares(String line, String column) {
        return line.startsWith(column + " ") || line.startsWith("\"" + column + "\" ");
    }

    /**
     * Inserts three rows, giving the renamed and retyped columns values to find again, and every
     * text column a value of its own per row (a unique key over columns with defaults).
     */
    void insertRows(PgDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            List<String[]> columns = columns(c, table);
            for (int n = 1; n <= 3; n++) {
                List<String> names = new ArrayList<>();
                List<String> values = new ArrayList<>();
                for (String[] col : columns) {
                    String value = col[0].equals(key) ? (col[1].equals("bytea") ? bytes(col[4], n) : String.valueOf(n))
                            : col[0].equals(renamed) ? "'kept " + n + "'"
                            : col[0].equals(retyped) ? String.valueOf(n * 10)
                            : col[1].equals("text") || col[1].equals("character varying") ? sample(col[1], n)
                            : col[2].equals("NO") && col[3] == null && col[1].equals("bytea") ? bytes(col[4], n)
                            : col[2].equals("NO") && col[3] == null ? sample(col[1], n) : null;
                    if (value != null) {
                        names.add("\"" + col[0] + "\"");
                        values.add(value);
                    }
                }
                st.execute("INSERT INTO public.\"" + table + "\" (" + String.join(", ", names) + ") VALUES ("
                        + String.join(", ", values) + ")");
            }
        }
    }

    /** What the rows hold after the change: id, renamed column, retyped column (null when none). */
    String rows(PgDatabase db, boolean evolved) {
        String renamedColumn = evolved ? newName() : renamed;
        String retypedColumn = retyped == null ? "NULL" : "\"" + retyped + "\"";
        return db.value("SELECT string_agg(\"" + key + "\"::text || ':' || \"" + renamedColumn + "\" || ':' || coalesce("
                + retypedColumn + "::text, '-'), ', ' ORDER BY \"" + key + "\") FROM public.\"" + table + "\"");
    }

    /** Row n's value of a bytea column: n in {@code length} bytes (a bytea domain's fixed length, else 1). */
    private static String bytes(String length, int n) {
        int size = length == null ? 1 : Integer.parseInt(length);
        return "decode(lpad(to_hex(" + n + "), " + (2 * size) + ", '0'), 'hex')";
    }

    private static String sample(String type, int n) {
        switch (type) {
            case "boolean":
                return "true";
            case "timestamp without time zone":
            case "timestamp with time zone":
            case "date":
                return "now()";
            case "jsonb":
            case "json":
                return "'{}'";
            case "text":
            case "character varying":
                return "'v" + n + "'";
            default:
                return String.valueOf(n);
        }
    }

    /** Each candidate table and the name of its primary key column. */
    private static List<String[]> candidates(Connection c) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT t.relname, a.attname, format_type(a.atttypid, NULL)
                FROM pg_class t
                JOIN pg_constraint p ON p.conrelid = t.oid AND p.contype = 'p' AND cardinality(p.conkey) = 1
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = p.conkey[1]
                WHERE t.relnamespace = 'public'::regnamespace AND t.relkind = 'r' AND NOT t.relispartition
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = t.oid AND k.contype IN ('f', 'c', 'x'))
                  AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = t.oid AND NOT g.tgisinternal)
                  AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = t.oid OR i.inhparent = t.oid)
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass
                                  AND d.objid = r.oid WHERE d.refobjid = t.oid AND r.ev_class <> t.oid)
                  AND (a.atttypid IN ('int4'::regtype, 'int8'::regtype)
                       OR (SELECT coalesce(nullif(k.typbasetype, 0), k.oid) FROM pg_type k WHERE k.oid = a.atttypid)
                          = 'bytea'::regtype)
                ORDER BY t.relname""")) {
            while (rs.next()) {
                tables.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        // a bytea key only where no table has an integer one (the schemas that had one pick as before)
        boolean integerKeys = tables.stream().anyMatch(t -> !t[2].contains("bytea"));
        return integerKeys ? tables.stream().filter(t -> !t[2].contains("bytea")).toList() : tables;
    }

    /** name, data type, is nullable, default (null when none), a bytea domain's fixed length (or null), in column order. */
    private static List<String[]> columns(Connection c, String table) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT column_name, data_type, is_nullable, column_default,"
                        + " (SELECT substring(pg_get_constraintdef(k.oid) FROM 'octet_length\\(VALUE\\) = (\\d+)')"
                        + "  FROM pg_constraint k JOIN pg_type d ON d.oid = k.contypid JOIN pg_namespace dn"
                        + "  ON dn.oid = d.typnamespace WHERE d.typname = c.domain_name AND dn.nspname = c.domain_schema"
                        + "  LIMIT 1) FROM information_schema.columns c"
                        + " WHERE table_schema = 'public' AND table_name = '" + table.replace("'", "''")
                        + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)});
            }
        }
        return columns;
    }

    /*
     * A column matching the test, with a plain lower-case name that no other statement naming the
     * table mentions (an index, a view, a comment on it): renaming or dropping it is a local edit.
     */
    private static String local(String table, List<String[]> columns, String files,
                                java.util.function.Predicate<String[]> test, String... taken) {
        Pattern tableWord = Pattern.compile("\\b" + Pattern.quote(table) + "\\b");
        List<String> others = java.util.Arrays.stream(files.split(";\\s*\\n"))
                .filter(statement -> tableWord.matcher(statement).find())
                .filter(statement -> !Pattern.compile("(?i)^\\s*CREATE TABLE[^(]*\\b" + Pattern.quote(table) + "\\b\"?\\s*\\(")
                        .matcher(strippedOfComments(statement)).find())
                .toList();
        for (String[] col : columns) {
            if (!test.test(col) || java.util.Arrays.asList(taken).contains(col[0]) || !col[0].matches("[a-z_][a-z0-9_]*")) {
                continue;
            }
            Pattern column = Pattern.compile("\\b" + col[0] + "\\b");
            if (others.stream().noneMatch(statement -> column.matcher(statement).find())) {
                return col[0];
            }
        }
        return null;
    }

    private static String strippedOfComments(String statement) {
        return statement.replaceAll("(?m)^\\s*--.*$", "").strip();
    }
}
