package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.literal;
import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.change.AddEnumValue;
import dev.converge.engine.model.EnumType;
import dev.converge.engine.model.NamedSchema;
import java.util.stream.Collectors;

/** TypeSql writes the namespace-level objects: schemas and enum types. */
final class TypeSql {
    private TypeSql() {
    }

    static String createSchema(NamedSchema schema) {
        return "CREATE SCHEMA " + quote(schema.name());
    }

    /** No CASCADE: the plan drops the contents first, and anything it does not know about stops the drop. */
    static String dropSchema(NamedSchema schema) {
        return "DROP SCHEMA " + quote(schema.name());
    }

    static String createEnum(EnumType type) {
        String labels = type.labels().stream().map(l -> literal(l)).collect(Collectors.joining(", "));
        return "CREATE TYPE " + quote(type.name()) + " AS ENUM (" + labels + ")";
    }

    static String dropEnum(EnumType type) {
        return "DROP TYPE " + quote(type.name());
    }

    static String addEnumValue(AddEnumValue change) {
        String sql = "ALTER TYPE " + quote(change.type().name()) + " ADD VALUE " + literal(change.value());
        return change.before() == null ? sql : sql + " BEFORE " + literal(change.before());
    }
}
