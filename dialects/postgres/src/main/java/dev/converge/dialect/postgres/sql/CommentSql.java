package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.literal;
import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.change.SetComment;
import dev.converge.engine.model.ObjectRef;

/** CommentSql writes COMMENT ON for every kind of object, {@code IS NULL} removing the comment. */
final class CommentSql {
    private CommentSql() {
    }

    static String set(SetComment change) {
        ObjectRef ref = change.object();
        String text = change.comment() == null ? "NULL" : literal(change.comment());
        return "COMMENT ON " + target(ref) + " IS " + text;
    }

    private static String target(ObjectRef ref) {
        switch (ref.kind()) {
            case SCHEMA:
                return "SCHEMA " + quote(ref.name().schema());
            case TABLE:
                return "TABLE " + quote(ref.name());
            case VIEW:
                return "VIEW " + quote(ref.name());
            case SEQUENCE:
                return "SEQUENCE " + quote(ref.name());
            case ENUM:
                return "TYPE " + quote(ref.name());
            case INDEX:
                return "INDEX " + quote(ref.name());
            case COLUMN:
                return "COLUMN " + quote(ref.name()) + "." + quote(ref.member());
            case CONSTRAINT:
            case FOREIGN_KEY:
                return "CONSTRAINT " + quote(ref.member()) + " ON " + quote(ref.name());
            case TRIGGER:
                return "TRIGGER " + quote(ref.member()) + " ON " + quote(ref.name());
            case POLICY:
                return "POLICY " + quote(ref.member()) + " ON " + quote(ref.name());
            case ROUTINE:
                return "ROUTINE " + RoutineSql.signature(ref);
            case DOMAIN:
                return "DOMAIN " + quote(ref.name());
            case COMPOSITE_TYPE:
                return "TYPE " + quote(ref.name());
            case MATERIALIZED_VIEW:
                return "MATERIALIZED VIEW " + quote(ref.name());
            case EXTENSION:
                return "EXTENSION " + quote(ref.name().name());
            case COLLATION:
                return "COLLATION " + quote(ref.name());
            default:
                throw new IllegalArgumentException("cannot comment on " + ref);
        }
    }
}
