package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Routine;

/**
 * RoutineSql writes functions and procedures. The definition is pg_get_functiondef's complete
 * {@code CREATE OR REPLACE} statement, schema-qualified and quoted by the server, so it both creates
 * a routine and replaces one in place.
 */
final class RoutineSql {
    private RoutineSql() {
    }

    static String create(Routine routine) {
        return ViewSql.stripTerminator(routine.definition());
    }

    static String drop(Routine routine) {
        return "DROP " + routine.kind().keyword() + " " + quote(routine.name()) + "(" + routine.signature() + ")";
    }

    /**
     * {@code "s"."f"(integer, text)} from a ROUTINE ref, whose name is {@code f(integer, text)}: the
     * signature is the server's own text (types quoted where needed), the name is quoted here. A
     * routine name that itself contains "(" is not supported.
     */
    static String signature(ObjectRef routine) {
        String name = routine.name().name();
        int open = name.indexOf('(');
        return quote(QualifiedName.of(routine.name().schema(), name.substring(0, open))) + name.substring(open);
    }
}
