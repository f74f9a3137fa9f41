package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.TableConstraint;

/** ConstraintSql writes ADD / DROP CONSTRAINT for table constraints and foreign keys. */
final class ConstraintSql {
    private ConstraintSql() {
    }

    static String add(QualifiedName table, TableConstraint constraint) {
        return add(table, constraint.name(), constraint.definition());
    }

    static String drop(QualifiedName table, TableConstraint constraint) {
        return drop(table, constraint.name());
    }

    static String addForeignKey(ForeignKey key) {
        return add(key.table(), key.name(), key.definition());
    }

    static String dropForeignKey(ForeignKey key) {
        return drop(key.table(), key.name());
    }

    private static String add(QualifiedName table, String name, String definition) {
        return "ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(name) + " " + definition;
    }

    private static String drop(QualifiedName table, String name) {
        return "ALTER TABLE " + quote(table) + " DROP CONSTRAINT " + quote(name);
    }
}
