package dev.converge.dialect.postgres.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CatalogQueries loads the inspector's catalog queries, kept as {@code <name>.sql} resources next to
 * this class so that they can be read, diffed and run in psql as they are.
 */
final class CatalogQueries {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private CatalogQueries() {
    }

    /** The text of query {@code name} (without ".sql"); fails loudly when the resource is missing. */
    static String get(String name) {
        return CACHE.computeIfAbsent(name, CatalogQueries::load);
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
