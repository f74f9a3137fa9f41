package dev.converge.dialect.postgres;

import dev.converge.engine.model.QualifiedName;

/**
 * PostgresIdentifiers quotes what Converge writes into SQL. Every identifier it generates is quoted,
 * always, so that case, reserved words and odd characters never change meaning; expressions and
 * definitions that come from the server's own deparser are used as the server wrote them.
 */
public final class PostgresIdentifiers {
    private PostgresIdentifiers() {
    }

    /** {@code orders} -> {@code "orders"}; embedded double quotes are doubled. */
    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** {@code public.orders} -> {@code "public"."orders"}. */
    public static String quote(QualifiedName name) {
        return quote(name.schema()) + "." + quote(name.name());
    }

    /** A string literal: {@code it's} -> {@code 'it''s'} (standard_conforming_strings is on since 9.1). */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
