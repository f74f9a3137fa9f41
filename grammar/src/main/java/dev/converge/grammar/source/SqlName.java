package dev.converge.grammar.source;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * SqlName is a possibly qualified name as PostgreSQL stores it: unquoted parts folded to lower
 * case, quoted parts as written ({@code Sales."Orders"} is {@code [sales, Orders]}).
 */
public record SqlName(List<String> parts) {
    public SqlName {
        parts = List.copyOf(requireNonNull(parts, "parts is null"));
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a name has at least one part");
        }
    }

    public static SqlName of(String... parts) {
        return new SqlName(List.of(parts));
    }

    /** The object's own name: the last part. */
    public String last() {
        return parts.get(parts.size() - 1);
    }

    /** The name without its last part ({@code [sales]} for {@code sales.orders}); null when unqualified. */
    public SqlName qualifier() {
        return parts.size() < 2 ? null : new SqlName(parts.subList(0, parts.size() - 1));
    }

    @Override
    public String toString() {
        return String.join(".", parts);
    }
}
