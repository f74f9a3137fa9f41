package dev.converge.dialect.postgres.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CatalogQueries loads the inspector's catalog queries, kept as {@code <name>.sql} resources next to
 * this class so that they can be read, diffed and run in psql as they are. A line {@code \ir <name>.sql}
 * (psql's include, relative to the file) stands for the text of that resource, so that a fragment that
 * several queries need, such as object_references.sql, is written once.
 */
final class CatalogQueries {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final Pattern INCLUDE = Pattern.compile("(?m)^\\\\ir (\\w+)\\.sql$");

    private CatalogQueries() {
    }

    /** The text of query {@code name} (without ".sql"); fails loudly when the resource is missing. */
    static String get(String name) {
        return CACHE.computeIfAbsent(name, CatalogQueries::expand);
    }

    /* Not computeIfAbsent for the fragments too: a mapping function must not touch the same map. */
    private static String expand(String name) {
        return INCLUDE.matcher(load(name)).replaceAll(include -> Matcher.quoteReplacement(expand(include.group(1))));
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
