package dev.converge.dialect.postgres.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CatalogQueries loads the inspector's catalog queries, kept as {@code <name>.sql} resources next to
 * this class so that they can be read and diffed as they are, and a query without fragments run in
 * psql as it is. Two of psql's commands are understood, with psql's meaning for their arguments, so
 * that a fragment several queries need is written once:
 * <ul>
 * <li>a line {@code \ir <name>.sql} (psql's include, relative to the file) stands for the text of that
 *     resource, such as object_references.sql;</li>
 * <li>{@code \set <variable> <value>} sets a variable for the lines after it, the included ones too:
 *     {@code :variable} stands for its value and {@code :'variable'} for its value as a string literal.
 *     This is how a query tells a fragment which object it is about (comment.sql,
 *     not_extension_member.sql).</li>
 * </ul>
 * As in psql, a line that starts with a backslash may hold several of these commands, each starting
 * at its backslash: {@code \set catalog pg_catalog.pg_type \set object t.oid \ir comment.sql}. Unlike
 * here, psql runs an included file as statements of its own, never as part of the statement around the
 * {@code \ir}: a query with fragments runs in psql once expanded ({@link #get}), as views.sql has
 * since object_references.sql.
 */
final class CatalogQueries {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final Pattern COMMANDS = Pattern.compile("\\s+(?=\\\\)");
    private static final Pattern INCLUDE = Pattern.compile("\\\\ir (\\w+)\\.sql");
    private static final Pattern SET = Pattern.compile("\\\\set (\\w+) (\\S+)");
    /* Not after a colon: "::regclass" is a cast, as psql reads it too. */
    private static final Pattern VARIABLE = Pattern.compile("(?<!:):(?:'(\\w+)'|(\\w+))");

    private CatalogQueries() {
    }

    /** The text of query {@code name} (without ".sql"); fails loudly when the resource is missing. */
    static String get(String name) {
        return CACHE.computeIfAbsent(name, query -> expand(query, new HashMap<>()));
    }

    /* Not computeIfAbsent for the fragments too: a mapping function must not touch the same map. */
    private static String expand(String name, Map<String, String> variables) {
        StringBuilder text = new StringBuilder();
        for (String line : load(name).split("\n")) {
            if (line.startsWith("\\")) {
                for (String command : COMMANDS.split(line.strip())) {
                    text.append(run(name, command, variables));
                }
            } else {
                text.append(interpolate(line, variables)).append('\n');
            }
        }
        return text.toString();
    }

    /** The text a psql command of query {@code name} stands for: a fragment's, or none for a variable set. */
    private static String run(String name, String command, Map<String, String> variables) {
        Matcher set = SET.matcher(command);
        Matcher include = INCLUDE.matcher(command);
        if (set.matches()) {
            variables.put(set.group(1), set.group(2));
            return "";
        }
        if (include.matches()) {
            return expand(include.group(1), variables);
        }
        throw new IllegalStateException("catalog query " + name + ".sql holds '" + command + "', which is neither"
                + " \\ir <name>.sql nor \\set <variable> <value>; the build is broken");
    }

    /* A variable that is not set stays as it is, as in psql. */
    private static String interpolate(String line, Map<String, String> variables) {
        return VARIABLE.matcher(line).replaceAll(use -> {
            String literal = use.group(1);
            String value = variables.get(literal != null ? literal : use.group(2));
            if (value == null) {
                return Matcher.quoteReplacement(use.group());
            }
            return Matcher.quoteReplacement(literal != null ? "'" + value.replace("'", "''") + "'" : value);
        });
    }

    private static String load(String name) {
        String resource = name + ".sql";
        try (InputStream in = CatalogQueries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("catalog query " + resource + " is missing from the class path"
                        + " (package dev/converge/dialect/postgres/inspect); the build is broken");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog query " + resource, e);
        }
    }
}
