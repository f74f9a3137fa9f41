package dev.converge.dialect.postgres.inspect;

import static dev.converge.dialect.postgres.inspect.CatalogSession.strings;

import dev.converge.engine.model.Collation;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ColumnSettings;
import dev.converge.engine.model.CompositeType;
import dev.converge.engine.model.Domain;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.EnumType;
import dev.converge.engine.model.Extension;
import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.IdentityOptions;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.IndexStatistics;
import dev.converge.engine.model.MaterializedView;
import dev.converge.engine.model.NamedSchema;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Policy;
import dev.converge.engine.model.Privilege;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.RoutineKind;
import dev.converge.engine.model.RowSecurity;
import dev.converge.engine.model.Sequence;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import dev.converge.engine.model.Trigger;
import dev.converge.engine.model.TriggerState;
import dev.converge.engine.model.UnmanagedObject;
import dev.converge.engine.model.View;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CatalogRows maps one row of each catalog query (see the .sql resources of this package, whose
 * column names it reads) to the engine's model records.
 */
final class CatalogRows {
    private CatalogRows() {
    }

    /** A constraint together with the table it belongs to (constraints.sql). */
    record ConstraintRow(QualifiedName table, TableConstraint constraint) {
    }

    /**
     * One row of columns.sql: a table, and one of its columns (with its attnum, for ordering) or null
     * for a table without columns.
     */
    record ColumnRow(QualifiedName table, String tableComment, List<String> tableOptions, int number, Column column,
                     String partitionKey,
                     Table.PartitionOf partitionOf) {
    }

    /** One row of column_dependencies.sql: a column whose default reads a sequence or calls a routine. */
    record ColumnDependencyRow(QualifiedName table, String column, ObjectRef dependency) {
    }

    /**
     * One row of routines.sql: the routine with what pg_depend records, and what the inspector needs
     * to read its body: its language and the schemas its unqualified names resolve in.
     */
    record RoutineRow(Routine routine, String language, String searchPath) {
    }

    static Collation collation(ResultSet row) throws SQLException {
        return new Collation(name(row, "collation_schema", "collation_name"), row.getString("provider"),
                row.getString("locale"), row.getString("lc_collate"), row.getString("lc_ctype"),
                row.getBoolean("deterministic"), row.getString("rules"), row.getString("comment"));
    }

    /** One row of privileges.sql: one privilege of one managed role on one object. */
    static Privilege privilege(ResultSet row) throws SQLException {
        ObjectKind kind = ObjectKind.valueOf(row.getString("kind"));
        String schema = row.getString("object_schema");
        ObjectRef object = kind == ObjectKind.SCHEMA ? ObjectRef.schema(schema)
                : ObjectRef.member(kind, QualifiedName.of(schema, row.getString("object_name")), row.getString("member"));
        return new Privilege(object, row.getString("grantee"), row.getString("privilege"), row.getBoolean("grantable"));
    }

    static NamedSchema schema(ResultSet row) throws SQLException {
        return new NamedSchema(row.getString("schema_name"), row.getString("comment"));
    }

    static EnumType enumType(ResultSet row) throws SQLException {
        return new EnumType(name(row, "type_schema", "type_name"), strings(row, "labels"), row.getString("comment"));
    }

    static Sequence sequence(ResultSet row) throws SQLException {
        String ownerTable = row.getString("owner_table");
        ObjectRef ownedBy = ownerTable == null ? null
                : ObjectRef.member(ObjectKind.COLUMN, QualifiedName.of(row.getString("owner_schema"), ownerTable),
                        row.getString("owner_column"));
        return new Sequence(name(row, "sequence_schema", "sequence_name"), row.getString("data_type"),
                row.getLong("start_value"), row.getLong("increment_by"), row.getLong("min_value"),
                row.getLong("max_value"), row.getLong("cache_size"), row.getBoolean("cycles"), ownedBy,
                row.getString("comment"));
    }

    static ColumnRow column(ResultSet row) throws SQLException {
        QualifiedName table = name(row, "table_schema", "table_name");
        String partitionKey = row.getString("partition_key");
        String parent = row.getString("parent_name");
        Table.PartitionOf partitionOf = parent == null ? null
                : new Table.PartitionOf(QualifiedName.of(row.getString("parent_schema"), parent),
                        row.getString("partition_bound"));
        String columnName = row.getString("column_name");
        if (columnName == null) {
            return new ColumnRow(table, row.getString("table_comment"), strings(row, "table_options"), 0, null,
                    partitionKey, partitionOf);
        }
        // adbin holds the default or, for a generated column, the generation expression: never both.
        String expression = row.getString("expression");
        boolean generated = row.getBoolean("generated");
        List<ObjectRef> dependsOn = new ArrayList<>();
        String userType = row.getString("user_type_name");
        if (userType != null) {
            dependsOn.add(ObjectRef.of(userTypeKind(row.getString("user_type_kind")),
                    QualifiedName.of(row.getString("user_type_schema"), userType)));
        }
        String collationName = row.getString("collation_name");
        if (collationName != null) {
            dependsOn.add(ObjectRef.of(ObjectKind.COLLATION, QualifiedName.of(row.getString("collation_schema"),
                    collationName)));
        }
        Identity identity = Identity.valueOf(row.getString("identity"));
        Column column = new Column(columnName, row.getString("column_type"), row.getBoolean("not_null"),
                generated ? null : expression, identity, identity == Identity.NONE ? null : identityOptions(row),
                generated ? expression : null, row.getString("collation"), row.getString("column_comment"),
                dependsOn, settings(row));
        return new ColumnRow(table, row.getString("table_comment"), strings(row, "table_options"),
                row.getInt("column_number"), column, partitionKey, partitionOf);
    }

    /**
     * A column's storage strategy (pg_attribute.attstorage letters in the words of SET STORAGE), statistics
     * target and compression method.
     */
    private static ColumnSettings settings(ResultSet row) throws SQLException {
        String storage = storage(row.getString("column_storage"));
        Integer statistics = (Integer) row.getObject("column_statistics");
        return ColumnSettings.of(storage, storage(row.getString("type_storage")), statistics,
                row.getString("column_compression"));
    }

    private static String storage(String letter) {
        return letter == null ? null : switch (letter) {
            case "p" -> "PLAIN";
            case "m" -> "MAIN";
            case "e" -> "EXTERNAL";
            case "x" -> "EXTENDED";
            default -> throw new IllegalStateException("unknown storage strategy '" + letter + "'");
        };
    }

    /** The kind of a user type from its pg_type.typtype: e enum, d domain, c composite. */
    static ObjectKind userTypeKind(String typtype) {
        switch (typtype) {
            case "e":
                return ObjectKind.ENUM;
            case "d":
                return ObjectKind.DOMAIN;
            default:
                return ObjectKind.COMPOSITE_TYPE;
        }
    }

    /** The identity sequence's options; null if the sequence was not found (never for a sound catalog). */
    private static IdentityOptions identityOptions(ResultSet row) throws SQLException {
        long start = row.getLong("identity_start");
        if (row.wasNull()) {
            return null;
        }
        return new IdentityOptions(start, row.getLong("identity_increment"), row.getLong("identity_min"),
                row.getLong("identity_max"), row.getLong("identity_cache"), row.getBoolean("identity_cycle"));
    }

    static ColumnDependencyRow columnDependency(ResultSet row) throws SQLException {
        return new ColumnDependencyRow(name(row, "table_schema", "table_name"), row.getString("column_name"),
                ObjectRef.of(ObjectKind.valueOf(row.getString("ref_kind")), name(row, "ref_schema", "ref_name")));
    }

    static RoutineRow routine(ResultSet row) throws SQLException {
        Routine routine = new Routine(name(row, "routine_schema", "routine_name"), row.getString("signature"),
                RoutineKind.valueOf(row.getString("routine_kind")), row.getString("arguments"), row.getString("result"),
                row.getString("definition").strip(), refs(row), row.getString("comment"));
        return new RoutineRow(routine, row.getString("language"), row.getString("search_path"));
    }

    /* pg_trigger.tgenabled: O fires in origin and local sessions, D never, R in replica sessions, A always. */
    static TriggerState triggerState(String tgenabled) {
        return switch (tgenabled) {
            case "O" -> TriggerState.ENABLED;
            case "D" -> TriggerState.DISABLED;
            case "R" -> TriggerState.REPLICA;
            case "A" -> TriggerState.ALWAYS;
            default -> throw new IllegalStateException("pg_trigger.tgenabled has a value this version does not know: "
                    + tgenabled);
        };
    }

    static Trigger trigger(ResultSet row) throws SQLException {
        return new Trigger(name(row, "table_schema", "table_name"), row.getString("trigger_name"),
                row.getString("definition"), triggerState(row.getString("enabled")),
                ObjectRef.of(ObjectKind.ROUTINE, name(row, "function_schema", "function_name")),
                row.getString("comment"));
    }

    /**
     * A policy; a column it reads of another table also makes it depend on that table (the query names
     * both), so that it is created after the table and dropped before it. Its own table, named for the
     * columns of it that it reads, is left out: a policy belongs to its table anyway.
     */
    static Policy policy(ResultSet row) throws SQLException {
        QualifiedName table = name(row, "table_schema", "table_name");
        ObjectRef ownTable = ObjectRef.of(ObjectKind.TABLE, table);
        List<ObjectRef> dependsOn = refs(row).stream().filter(ref -> !ref.equals(ownTable)).toList();
        return new Policy(table, row.getString("policy_name"), row.getBoolean("permissive"), row.getString("command"),
                strings(row, "roles"), row.getString("using_expression"), row.getString("check_expression"),
                dependsOn, row.getString("comment"));
    }

    static RowSecurity rowSecurity(ResultSet row) throws SQLException {
        return new RowSecurity(name(row, "table_schema", "table_name"), row.getBoolean("enabled"),
                row.getBoolean("forced"));
    }

    static Domain domain(ResultSet row) throws SQLException {
        List<String> names = strings(row, "check_names");
        List<String> definitions = strings(row, "check_definitions");
        List<TableConstraint> checks = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            checks.add(new TableConstraint(names.get(i), ConstraintKind.CHECK, definitions.get(i), List.of(), null));
        }
        return new Domain(name(row, "domain_schema", "domain_name"), row.getString("base_type"),
                row.getString("collation"), row.getBoolean("not_null"), row.getString("default_expression"), checks,
                refs(row), row.getString("comment"));
    }

    static CompositeType compositeType(ResultSet row) throws SQLException {
        List<String> names = strings(row, "attribute_names");
        List<String> types = strings(row, "attribute_types");
        List<String> collations = strings(row, "attribute_collations");
        List<CompositeType.Attribute> attributes = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String collation = collations.get(i);
            attributes.add(new CompositeType.Attribute(names.get(i), types.get(i), collation.isEmpty() ? null : collation));
        }
        return new CompositeType(name(row, "type_schema", "type_name"), attributes, refs(row), row.getString("comment"));
    }

    static Extension extension(ResultSet row) throws SQLException {
        return new Extension(row.getString("extension_name"), row.getString("extension_schema"),
                row.getString("version"), row.getString("comment"));
    }

    static UnmanagedObject unmanaged(ResultSet row) throws SQLException {
        List<String> kinds = strings(row, "needed_kinds");
        List<String> schemas = strings(row, "needed_schemas");
        List<String> names = strings(row, "needed_names");
        List<ObjectRef> neededBy = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            neededBy.add(ObjectRef.of(ObjectKind.valueOf(kinds.get(i)), QualifiedName.of(schemas.get(i), names.get(i))));
        }
        return new UnmanagedObject(row.getString("kind"), row.getString("name"), neededBy);
    }

    /** The refs of a row's ref_kinds, ref_schemas, ref_names and ref_members arrays, position by position. */
    private static List<ObjectRef> refs(ResultSet row) throws SQLException {
        List<String> kinds = strings(row, "ref_kinds");
        List<String> schemas = strings(row, "ref_schemas");
        List<String> names = strings(row, "ref_names");
        List<String> members = strings(row, "ref_members");
        List<ObjectRef> refs = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            refs.add(new ObjectRef(ObjectKind.valueOf(kinds.get(i)), QualifiedName.of(schemas.get(i), names.get(i)),
                    members.get(i)));
        }
        return refs;
    }

    static ConstraintRow constraint(ResultSet row) throws SQLException {
        TableConstraint constraint = new TableConstraint(row.getString("constraint_name"),
                ConstraintKind.valueOf(row.getString("constraint_kind")), row.getString("definition"),
                strings(row, "column_names"), row.getString("comment"));
        return new ConstraintRow(name(row, "table_schema", "table_name"), constraint);
    }

    static ForeignKey foreignKey(ResultSet row) throws SQLException {
        return new ForeignKey(name(row, "table_schema", "table_name"), row.getString("constraint_name"),
                strings(row, "column_names"), name(row, "referenced_schema", "referenced_table"),
                strings(row, "referenced_column_names"), row.getString("definition"), row.getString("comment"));
    }

    static Index index(ResultSet row) throws SQLException {
        String schema = row.getString("index_schema");
        return new Index(QualifiedName.of(schema, row.getString("index_name")),
                QualifiedName.of(schema, row.getString("table_name")), row.getBoolean("is_unique"),
                row.getString("method"), strings(row, "key_parts"), strings(row, "include_columns"),
                row.getString("predicate"), row.getString("definition"), row.getString("comment"),
                row.getString("parent_index_name") == null ? null
                        : QualifiedName.of(row.getString("parent_index_schema"), row.getString("parent_index_name")),
                indexStatistics(row));
    }

    /** The statistics targets set on an index's columns, from the two parallel arrays of indexes.sql. */
    private static List<IndexStatistics> indexStatistics(ResultSet row) throws SQLException {
        java.sql.Array columns = row.getArray("statistics_columns");
        if (columns == null) {
            return List.of();
        }
        Integer[] positions = (Integer[]) columns.getArray();
        Integer[] targets = (Integer[]) row.getArray("statistics_targets").getArray();
        List<IndexStatistics> statistics = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            statistics.add(new IndexStatistics(positions[i], targets[i]));
        }
        return statistics;
    }

    /**
     * One row of views.sql: a view, or a materialized view (whose column comments are not read), with
     * its oid; its definition is empty until {@link #withDefinition} (view_definitions.sql) fills it.
     */
    record ViewRow(long oid, View view, boolean materialized) {
        MaterializedView asMaterialized() {
            return new MaterializedView(view.name(), view.definition(), view.options(), view.dependsOn(), view.comment());
        }

        ViewRow withDefinition(String definition) {
            return new ViewRow(oid, new View(view.name(), viewBody(definition), view.options(), view.dependsOn(),
                    view.comment(), view.columnComments()), materialized);
        }
    }

    static ViewRow viewRow(ResultSet row) throws SQLException {
        List<ObjectRef> dependsOn = refs(row);
        List<String> commented = strings(row, "comment_columns");
        List<String> comments = strings(row, "column_comments");
        Map<String, String> columnComments = new TreeMap<>();
        for (int i = 0; i < commented.size(); i++) {
            columnComments.put(commented.get(i), comments.get(i));
        }
        View view = new View(name(row, "view_schema", "view_name"), "", strings(row, "options"), dependsOn,
                row.getString("comment"), columnComments);
        return new ViewRow(row.getLong("view_oid"), view, row.getBoolean("materialized"));
    }

    /** One row of view_definitions.sql: a view's oid and its deparsed query. */
    record ViewDefinition(long oid, String definition) {
    }

    static ViewDefinition viewDefinition(ResultSet row) throws SQLException {
        return new ViewDefinition(row.getLong("view_oid"), row.getString("definition"));
    }

    /**
     * pg_get_viewdef prints " SELECT ...;" : a leading space and a final semicolon that
     * {@code CREATE VIEW v AS <definition>} does not want in the middle of a longer statement.
     */
    static String viewBody(String definition) {
        return PostgresInspector.viewBody(definition);
    }

    private static QualifiedName name(ResultSet row, String schemaColumn, String nameColumn) throws SQLException {
        return QualifiedName.of(row.getString(schemaColumn), row.getString(nameColumn));
    }
}
