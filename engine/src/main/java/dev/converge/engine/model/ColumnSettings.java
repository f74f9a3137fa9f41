package dev.converge.engine.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * ColumnSettings are a column's physical settings that are not part of its type or its value: how
 * its values are stored and compressed, and how much of it ANALYZE samples. They change no
 * row, but a schema that sets them (a dump writes {@code ALTER COLUMN c SET STORAGE PLAIN}) means
 * them, so they are compared like the rest of the column. Each is null where the column keeps the
 * server's default.
 *
 * @param storage     PostgreSQL's storage strategy when it differs from the type's: {@code PLAIN},
 *                    {@code MAIN}, {@code EXTERNAL} or {@code EXTENDED}
 * @param typeStorage the type's own strategy, given with {@code storage} (null without it): what a
 *                    column returns to when its setting goes (PostgreSQL before 16 has no
 *                    {@code SET STORAGE DEFAULT})
 * @param statistics  the statistics target set on the column ({@code SET STATISTICS 1000})
 * @param compression the compression method of its long values when one is set on the column
 *                    ({@code pglz}, {@code lz4}; PostgreSQL 14 and later), null for the server's default
 */
public record ColumnSettings(String storage, String typeStorage, Integer statistics,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String compression) {
    public ColumnSettings {
        if ((storage == null) != (typeStorage == null)) {
            throw new IllegalArgumentException("a storage strategy comes with its type's: " + storage + ", " + typeStorage);
        }
    }

    /** The settings, or null when all are the server's defaults (so a column without any holds none). */
    public static ColumnSettings of(String storage, String typeStorage, Integer statistics, String compression) {
        return storage == null && statistics == null && compression == null ? null
                : new ColumnSettings(storage, storage == null ? null : typeStorage, statistics, compression);
    }
}
