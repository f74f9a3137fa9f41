package dev.converge.dialect.postgres.inspect;

import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Referable;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.UnmanagedObject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Census makes the inspection fail closed: census.sql lists every object of the managed schemas,
 * catalog by catalog (and the table attributes that change what a table is: INHERITS, UNLOGGED,
 * REPLICA IDENTITY, storage parameters, and the column settings a partition has apart from its
 * parent's, which the model has no place for), and each one must be in the model the other queries
 * built, or already listed as unmanaged. Whatever is left, a kind or a place no query reads, is listed
 * as unmanaged too, so a plan names it and refuses to run (exit 5) instead of dropping it or ignoring
 * it without a word. One query, whatever the number of objects.
 */
final class Census {
    private Census() {
    }

    /** The model with every object the census finds and the model lacks added to its unmanaged list. */
    static SchemaModel complete(SchemaModel model, CatalogSession session) throws SQLException {
        List<Entry> entries = session.list("census", row -> new Entry(row.getString("kind"),
                row.getString("schema_name"), row.getString("name"), row.getString("member")));
        List<UnmanagedObject> missing = unaccounted(model, entries);
        if (missing.isEmpty()) {
            return model;
        }
        return model.withUnmanaged(Stream.concat(model.unmanaged().stream(), missing.stream()).toList());
    }

    static List<UnmanagedObject> unaccounted(SchemaModel model, List<Entry> entries) {
        Set<String> known = knownKeys(model);
        // the table attributes the model holds: UNLOGGED and REPLICA IDENTITY are table options
        model.tables().forEach(t -> t.options().forEach(option -> known.add(key("TABLE", t.name().schema(),
                t.name().name(), option.startsWith("REPLICA IDENTITY USING INDEX") ? "REPLICA IDENTITY USING INDEX"
                        : option))));
        Set<QualifiedName> listed = new HashSet<>();
        model.unmanaged().forEach(u -> u.objectName().ifPresent(listed::add));
        List<UnmanagedObject> out = new ArrayList<>();
        for (Entry entry : entries) {
            boolean listedAlready = !entry.isTableAttribute() && listed.contains(entry.qualifiedName());
            if (known.contains(entry.key()) || listedAlready) {
                continue;
            }
            out.add(entry.asUnmanaged());
        }
        return out;
    }

    /** The census keys of everything the model holds. */
    private static Set<String> knownKeys(SchemaModel model) {
        Set<String> keys = new HashSet<>();
        List<ObjectRef> refs = new ArrayList<>();
        Stream.<List<? extends Referable>>of(model.tables(), model.views(), model.materializedViews(),
                        model.sequences(), model.indexes(), model.foreignKeys(), model.enums(), model.domains(),
                        model.compositeTypes(), model.collations(), model.routines(), model.triggers(),
                        model.policies())
                .flatMap(List::stream).forEach(object -> refs.add(object.ref()));
        for (Table table : model.tables()) {
            table.constraints().forEach(c -> refs.add(ObjectRef.member(ObjectKind.CONSTRAINT, table.name(), c.name())));
        }
        model.catalogObjects().forEach(o -> refs.add(o.ref()));
        refs.forEach(ref -> keys.add(key(ref.kind().name(), ref.name().schema(), ref.name().name(), ref.member())));
        return keys;
    }

    private static String key(String kind, String schema, String name, String member) {
        return kind + "\u0000" + schema + "\u0000" + name + "\u0000" + member;
    }

    /** One census row: a kind in census.sql's words, and the model's way of naming the object. */
    record Entry(String kind, String schema, String name, String member) {
        String key() {
            return Census.key(kind, schema, name, member);
        }

        QualifiedName qualifiedName() {
            return QualifiedName.of(schema, name);
        }

        /** INHERITS, UNLOGGED, a partition's column setting: a row for the attribute, not for the table. */
        boolean isTableAttribute() {
            return kind.equals("TABLE") && !member.isEmpty();
        }

        UnmanagedObject asUnmanaged() {
            String table = PostgresIdentifierText.qualified(schema, name);
            if (isTableAttribute()) {
                return new UnmanagedObject("table attribute", member + " on " + table);
            }
            String words = kind.toLowerCase(Locale.ROOT).replace('_', ' ') + " (not read by Converge)";
            return new UnmanagedObject(words, member.isEmpty() ? table
                    : PostgresIdentifierText.quote(member) + " on " + table);
        }
    }

    /** Identifiers quoted as quote_ident does, for display names that {@link UnmanagedObject} can parse back. */
    private static final class PostgresIdentifierText {
        static String qualified(String schema, String name) {
            // a routine's or operator's name carries its argument list: quote the schema only
            return quote(schema) + "." + (name.contains("(") || name.contains(" USING ") ? name : quote(name));
        }

        static String quote(String identifier) {
            return identifier.matches("[a-z_][a-z0-9_$]*") ? identifier : '"' + identifier.replace("\"", "\"\"") + '"';
        }
    }
}
