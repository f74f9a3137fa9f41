package dev.converge.dialect.postgres.sql;

import java.nio.charset.StandardCharsets;

/**
 * TemporaryNames marks the name an object has for a moment during a change ({@code orders_converge_old},
 * {@code orders_pkey_converge_new}): the name with a suffix, the name cut so that the whole fits in
 * PostgreSQL's 63-byte identifiers (a longer one would be cut by the server, and collide).
 */
final class TemporaryNames {
    private static final int MAX_BYTES = 63;

    private TemporaryNames() {
    }

    static String withSuffix(String name, String suffix) {
        String base = name;
        while ((base + suffix).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            base = base.substring(0, base.length() - 1);
        }
        return base + suffix;
    }
}
