package dev.converge.dialect.postgres.inspect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CatalogSession runs the named catalog queries on one connection (already inside the inspection's
 * snapshot), each with the included schema names bound as its one {@code text[]} parameter.
 */
final class CatalogSession {
    private final Connection connection;
    private final List<String> schemas;

    CatalogSession(Connection connection, List<String> schemas) {
        this.connection = connection;
        this.schemas = List.copyOf(schemas);
    }

    /** Runs a query that takes no parameter (the schema list is not known yet). */
    <T> List<T> listUnscoped(String query, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(CatalogQueries.get(query))) {
            return collect(st, mapper);
        }
    }

    /** Runs a query whose one parameter is the array of included schema names. */
    <T> List<T> list(String query, RowMapper<T> mapper) throws SQLException {
        if (schemas.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement st = connection.prepareStatement(CatalogQueries.get(query))) {
            Array names = connection.createArrayOf("text", schemas.toArray(new String[0]));
            try {
                st.setArray(1, names);
                return collect(st, mapper);
            } finally {
                names.free();
            }
        }
    }

    /**
     * Runs a query whose parameters are the array of included schema names and the array of
     * {@code roles}; nothing when either is empty.
     */
    <T> List<T> listForRoles(String query, List<String> roles, RowMapper<T> mapper) throws SQLException {
        if (schemas.isEmpty() || roles.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement st = connection.prepareStatement(CatalogQueries.get(query))) {
            Array names = connection.createArrayOf("text", schemas.toArray(new String[0]));
            Array roleNames = connection.createArrayOf("text", roles.toArray(new String[0]));
            try {
                st.setArray(1, names);
                st.setArray(2, roleNames);
                return collect(st, mapper);
            } finally {
                names.free();
                roleNames.free();
            }
        }
    }

    /**
     * Runs a query whose one parameter is an array of oids, {@code page} oids at a time, each page under
     * a savepoint that is rolled back: for queries whose deparsing functions lock the relations they
     * print until the transaction ends (pg_get_viewdef). Rolling back to the savepoint releases the
     * page's locks and keeps the snapshot, so the locks held at once stay bounded by a page, whatever
     * the number of objects.
     */
    <T> List<T> listByOidsReleasingLocks(String query, List<Long> oids, int page, RowMapper<T> mapper)
            throws SQLException {
        List<T> out = new ArrayList<>();
        for (int from = 0; from < oids.size(); from += page) {
            List<Long> part = oids.subList(from, Math.min(oids.size(), from + page));
            Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement st = connection.prepareStatement(CatalogQueries.get(query))) {
                Array values = connection.createArrayOf("int8", part.toArray(new Long[0]));
                try {
                    st.setArray(1, values);
                    out.addAll(collect(st, mapper));
                } finally {
                    values.free();
                }
            } finally {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
            }
        }
        return out;
    }

    private static <T> List<T> collect(PreparedStatement st, RowMapper<T> mapper) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
        }
        return out;
    }

    /** A text[] (or name[]) column as a list; SQL NULL becomes an empty list. */
    static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            Object[] values = (Object[]) array.getArray();
            return Arrays.stream(values).map(String::valueOf).toList();
        } finally {
            array.free();
        }
    }
}
