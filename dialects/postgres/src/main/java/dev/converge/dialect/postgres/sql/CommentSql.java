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

    /** The object as COMMENT ON names it: its keyword, then its name in the form its kind takes. */
    private static String target(ObjectRef ref) {
        return switch (ref.kind()) {
            case SCHEMA -> "SCHEMA " + quote(ref.name().schema());
            case EXTENSION -> "EXTENSION " + quote(ref.name().name());
            case ROUTINE -> "ROUTINE " + RoutineSql.signature(ref);
            case COLUMN -> "COLUMN " + quote(ref.name()) + "." + quote(ref.member());
            case CONSTRAINT, FOREIGN_KEY -> "CONSTRAINT " + quote(ref.member()) + " ON " + quote(ref.name());
            case TRIGGER, POLICY -> keyword(ref) + " " + quote(ref.member()) + " ON " + quote(ref.name());
            case ENUM, COMPOSITE_TYPE -> "TYPE " + quote(ref.name());
            case TABLE, VIEW, MATERIALIZED_VIEW, SEQUENCE, INDEX, DOMAIN, COLLATION -> keyword(ref) + " " + quote(ref.name());
            default -> throw new IllegalArgumentException("cannot comment on " + ref);
        };
    }

    /** The kind's own keyword, for the kinds whose keyword is their name: MATERIALIZED_VIEW, MATERIALIZED VIEW. */
    private static String keyword(ObjectRef ref) {
        return ref.kind().name().replace('_', ' ');
    }
}
