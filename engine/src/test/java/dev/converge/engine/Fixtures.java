package dev.converge.engine;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.EnumType;
import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.NamedSchema;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Sequence;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import dev.converge.engine.model.View;
import java.util.ArrayList;
import java.util.List;

/** Fixtures builds small schema models for tests that need no database. */
public final class Fixtures {
    private final List<NamedSchema> schemas = new ArrayList<>();
    private final List<EnumType> enums = new ArrayList<>();
    private final List<Sequence> sequences = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<View> views = new ArrayList<>();

    public static Fixtures model() {
        return new Fixtures().schema("public");
    }

    public static QualifiedName name(String qualified) {
        String[] parts = qualified.split("\\.");
        return new QualifiedName(parts[0], parts[1]);
    }

    public static Column col(String name, String type) {
        return Column.of(name, type, false);
    }

    public static Column notNull(String name, String type) {
        return Column.of(name, type, true);
    }

    public static Column enumCol(String name, String enumName) {
        return new Column(name, enumName, false, null, Identity.NONE, null, null, null, null,
                List.of(ObjectRef.of(ObjectKind.ENUM, name(enumName))));
    }

    public static TableConstraint pk(String table, String column) {
        return new TableConstraint(table + "_pkey", ConstraintKind.PRIMARY_KEY, "PRIMARY KEY (" + column + ")",
                List.of(column), null);
    }

    public Fixtures schema(String name) {
        schemas.add(new NamedSchema(name, null));
        return this;
    }

    public Fixtures enumType(String name, String... labels) {
        enums.add(new EnumType(name(name), List.of(labels), null));
        return this;
    }

    public Fixtures table(String name, Column... columns) {
        String bare = name(name).name();
        tables.add(new Table(name(name), List.of(columns), List.of(pk(bare, columns[0].name())), null));
        return this;
    }

    public Fixtures tableWith(Table table) {
        tables.add(table);
        return this;
    }

    public Fixtures index(String name, String table, String column) {
        QualifiedName q = name(name);
        indexes.add(new Index(q, name(table), false, "btree", List.of(column), List.of(), null,
                "CREATE INDEX " + q.name() + " ON " + table + " USING btree (" + column + ")", null));
        return this;
    }

    public Fixtures foreignKey(String table, String name, String column, String referenced) {
        foreignKeys.add(new ForeignKey(name(table), name, List.of(column), name(referenced), List.of("id"),
                "FOREIGN KEY (" + column + ") REFERENCES " + referenced + "(id)", null));
        return this;
    }

    /** A view reading tables ("public.t"), their columns ("public.t.c") and views ("public.v"). */
    public Fixtures view(String name, String definition, String... reads) {
        List<ObjectRef> deps = new ArrayList<>();
        for (String read : reads) {
            String[] parts = read.split("\\.");
            if (parts.length == 3) {
                deps.add(ObjectRef.member(ObjectKind.COLUMN, new QualifiedName(parts[0], parts[1]), parts[2]));
            } else {
                deps.add(ObjectRef.of(read.startsWith("v") || read.contains(".v") ? ObjectKind.VIEW : ObjectKind.TABLE,
                        name(read)));
            }
        }
        views.add(new View(name(name), definition, List.of(), deps, null));
        return this;
    }

    public Fixtures viewWith(View view) {
        views.add(view);
        return this;
    }

    /** Tables public.a and public.b, each with a foreign key to the other: a cycle only the keys can break. */
    public static SchemaModel tablesReferringToEachOther() {
        return model()
                .table("public.a", col("id", "integer"), col("b_id", "integer"))
                .table("public.b", col("id", "integer"), col("a_id", "integer"))
                .foreignKey("public.a", "a_b_fk", "b_id", "public.b")
                .foreignKey("public.b", "b_a_fk", "a_id", "public.a")
                .build();
    }

    public SchemaModel build() {
        return new SchemaModel(schemas, enums, sequences, tables, indexes, foreignKeys, views);
    }
}
