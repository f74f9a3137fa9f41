package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.literal;
import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.change.AddEnumValue;
import dev.converge.engine.change.RecreateEnum;
import dev.converge.engine.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The recipe for labels PostgreSQL cannot change in place: rename the type out of the way, create
     * it again, convert each column through text (its default, of the old type, cannot be cast: it
     * is dropped first and the desired one set afterwards), drop the old type.
     */
    static List<String> recreateEnum(RecreateEnum change) {
        QualifiedName name = change.to().name();
        String old = oldName(name.name());
        List<String> sql = new ArrayList<>();
        sql.add("ALTER TYPE " + quote(name) + " RENAME TO " + quote(old));
        sql.add(createEnum(change.to()));
        for (RecreateEnum.ColumnUse use : change.columns()) {
            String alter = "ALTER TABLE " + quote(use.table()) + " ALTER COLUMN " + quote(use.column());
            if (use.hadDefault()) {
                sql.add(alter + " DROP DEFAULT");
            }
            String type = quote(name) + (use.array() ? "[]" : "");
            sql.add(alter + " TYPE " + type + " USING " + quote(use.column()) + "::text" + (use.array() ? "[]" : "")
                    + "::" + type);
            if (use.desiredDefault() != null) {
                sql.add(alter + " SET DEFAULT " + use.desiredDefault());
            }
        }
        sql.add("DROP TYPE " + quote(QualifiedName.of(name.schema(), old)));
        return sql;
    }

    /** The name the old type has while the columns move: the type's, marked, within PostgreSQL's 63 bytes. */
    private static String oldName(String name) {
        return TemporaryNames.withSuffix(name, "_converge_old");
    }
}
