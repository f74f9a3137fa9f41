package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.literal;
import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.change.Rename;
import dev.converge.engine.model.ObjectRef;

/** RenameSql writes the {@code ALTER ... RENAME} of each kind of object. */
final class RenameSql {
    private RenameSql() {
    }

    static String rename(Rename change) {
        ObjectRef from = change.from();
        String to = quote(change.to());
        switch (from.kind()) {
            case SCHEMA:
                return "ALTER SCHEMA " + quote(from.name().schema()) + " RENAME TO " + to;
            case TABLE:
                return "ALTER TABLE " + quote(from.name()) + " RENAME TO " + to;
            case COLUMN:
                return "ALTER TABLE " + quote(from.name()) + " RENAME COLUMN " + quote(from.member()) + " TO " + to;
            case CONSTRAINT:
            case FOREIGN_KEY:
                return "ALTER TABLE " + quote(from.name()) + " RENAME CONSTRAINT " + quote(from.member()) + " TO " + to;
            case INDEX:
                return "ALTER INDEX " + quote(from.name()) + " RENAME TO " + to;
            case VIEW:
                return "ALTER VIEW " + quote(from.name()) + " RENAME TO " + to;
            case SEQUENCE:
                return "ALTER SEQUENCE " + quote(from.name()) + " RENAME TO " + to;
            case ENUM:
                return from.member().isEmpty() ? "ALTER TYPE " + quote(from.name()) + " RENAME TO " + to
                        : "ALTER TYPE " + quote(from.name()) + " RENAME VALUE " + literal(from.member()) + " TO "
                        + literal(change.to());
            default:
                throw new IllegalArgumentException("cannot rename a " + from.kind().word());
        }
    }
}
