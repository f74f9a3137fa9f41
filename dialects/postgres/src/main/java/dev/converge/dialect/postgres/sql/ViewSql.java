package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.model.Index;
import dev.converge.engine.model.MaterializedView;
import dev.converge.engine.model.View;

/** ViewSql writes views and indexes, the two objects whose body is the server's own deparsed text. */
final class ViewSql {
    private ViewSql() {
    }

    /**
     * {@code CREATE VIEW "s"."v" [WITH (o=v, ...)] AS\n<query>}. pg_get_viewdef returns the query with
     * a leading space and a trailing semicolon; both are trimmed so the statement has no terminator.
     */
    static String createView(View view) {
        StringBuilder sql = new StringBuilder("CREATE VIEW ").append(quote(view.name()));
        if (!view.options().isEmpty()) {
            sql.append(" WITH (").append(String.join(", ", view.options())).append(')');
        }
        return sql.append(" AS\n").append(stripTerminator(view.definition())).toString();
    }

    /** {@code CREATE MATERIALIZED VIEW "s"."m" [WITH (...)] AS <query> WITH DATA}: populated at once. */
    static String createMaterializedView(MaterializedView view) {
        StringBuilder sql = new StringBuilder("CREATE MATERIALIZED VIEW ").append(quote(view.name()));
        if (!view.options().isEmpty()) {
            sql.append(" WITH (").append(String.join(", ", view.options())).append(')');
        }
        return sql.append(" AS\n").append(stripTerminator(view.definition())).append("\nWITH DATA").toString();
    }

    static String dropMaterializedView(MaterializedView view) {
        return "DROP MATERIALIZED VIEW " + quote(view.name());
    }

    static String dropView(View view) {
        return "DROP VIEW " + quote(view.name());
    }

    /** The index definition is already a complete CREATE INDEX statement from pg_get_indexdef. */
    static String createIndex(Index index) {
        return stripTerminator(index.definition());
    }

    static String dropIndex(Index index) {
        return "DROP INDEX " + quote(index.name());
    }

    static String stripTerminator(String sql) {
        String text = sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        return text;
    }
}
