package dev.converge.engine.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * SchemaModel is everything Converge manages in one database (or in the schemas of it that a
 * project owns): the result of inspecting a live database or a shadow loaded from the desired
 * files. Every list is sorted by name on construction, so two models of the same schema are equal
 * and print the same, whatever order the catalog returned rows in.
 *
 * <p>The lists added after the first release (routines and later) are left out of the canonical JSON
 * when empty, so that the fingerprint of a schema that has none of them did not change.
 *
 * @param rowSecurity the tables whose row-level security is enabled or forced
 * @param unmanaged   objects found that Converge does not manage: never ignored silently
 * @param privileges  privileges granted to the roles the project manages (none when it manages none)
 * @param collations  collation objects ({@code CREATE COLLATION}) of the managed schemas
 * @param catalogObjects aggregates, text search objects, rules, casts, operators, statistics objects,
 *                   publications...: the kinds changed only by drop and create ({@link CatalogObject})
 */
public record SchemaModel(List<NamedSchema> schemas, List<EnumType> enums, List<Sequence> sequences,
                          List<Table> tables, List<Index> indexes, List<ForeignKey> foreignKeys,
                          List<View> views,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Routine> routines,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Trigger> triggers,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Policy> policies,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RowSecurity> rowSecurity,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Domain> domains,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CompositeType> compositeTypes,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Extension> extensions,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MaterializedView> materializedViews,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<UnmanagedObject> unmanaged,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Privilege> privileges,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Collation> collations,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CatalogObject> catalogObjects) {
    public static final SchemaModel EMPTY =
            new SchemaModel(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public SchemaModel {
        schemas = sorted(schemas, NamedSchema::name);
        enums = sorted(enums, EnumType::name);
        sequences = sorted(sequences, Sequence::name);
        tables = sorted(tables, Table::name);
        indexes = sorted(indexes, Index::name);
        foreignKeys = foreignKeys.stream()
                .sorted(Comparator.comparing(ForeignKey::table).thenComparing(ForeignKey::name))
                .toList();
        views = sorted(views, View::name);
        routines = sorted(orEmpty(routines), Routine::ref);
        triggers = sorted(orEmpty(triggers), Trigger::ref);
        policies = sorted(orEmpty(policies), Policy::ref);
        rowSecurity = sorted(orEmpty(rowSecurity), RowSecurity::table);
        domains = sorted(orEmpty(domains), Domain::name);
        compositeTypes = sorted(orEmpty(compositeTypes), CompositeType::name);
        extensions = sorted(orEmpty(extensions), Extension::name);
        materializedViews = sorted(orEmpty(materializedViews), MaterializedView::name);
        unmanaged = orEmpty(unmanaged).stream().sorted().distinct().toList();
        privileges = orEmpty(privileges).stream().sorted().distinct().toList();
        collations = sorted(orEmpty(collations), Collation::name);
        catalogObjects = sorted(orEmpty(catalogObjects), CatalogObject::ref);
    }

    /** A model without catalog objects (the lists before those were managed). */
    public SchemaModel(List<NamedSchema> schemas, List<EnumType> enums, List<Sequence> sequences,
                       List<Table> tables, List<Index> indexes, List<ForeignKey> foreignKeys, List<View> views,
                       List<Routine> routines, List<Trigger> triggers, List<Policy> policies,
                       List<RowSecurity> rowSecurity, List<Domain> domains, List<CompositeType> compositeTypes,
                       List<Extension> extensions, List<MaterializedView> materializedViews,
                       List<UnmanagedObject> unmanaged, List<Privilege> privileges, List<Collation> collations) {
        this(schemas, enums, sequences, tables, indexes, foreignKeys, views, routines, triggers, policies,
                rowSecurity, domains, compositeTypes, extensions, materializedViews, unmanaged, privileges, collations,
                List.of());
    }

    /** A model without privileges and collations (the lists before those were managed). */
    public SchemaModel(List<NamedSchema> schemas, List<EnumType> enums, List<Sequence> sequences,
                       List<Table> tables, List<Index> indexes, List<ForeignKey> foreignKeys, List<View> views,
                       List<Routine> routines, List<Trigger> triggers, List<Policy> policies,
                       List<RowSecurity> rowSecurity, List<Domain> domains, List<CompositeType> compositeTypes,
                       List<Extension> extensions, List<MaterializedView> materializedViews,
                       List<UnmanagedObject> unmanaged) {
        this(schemas, enums, sequences, tables, indexes, foreignKeys, views, routines, triggers, policies,
                rowSecurity, domains, compositeTypes, extensions, materializedViews, unmanaged, List.of(), List.of());
    }

    /** A model of the kinds managed before routines, triggers and policies (no such objects). */
    public SchemaModel(List<NamedSchema> schemas, List<EnumType> enums, List<Sequence> sequences,
                       List<Table> tables, List<Index> indexes, List<ForeignKey> foreignKeys, List<View> views) {
        this(schemas, enums, sequences, tables, indexes, foreignKeys, views, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * This model with the lists of the first release replaced and every other list kept: what code
     * that rewrites those lists (renames, ignores) must use, or it would lose routines, triggers and
     * the rest.
     */
    public SchemaModel withCore(List<NamedSchema> newSchemas, List<EnumType> newEnums, List<Sequence> newSequences,
                                List<Table> newTables, List<Index> newIndexes, List<ForeignKey> newForeignKeys,
                                List<View> newViews) {
        return with(parts -> {
            parts.schemas = newSchemas;
            parts.enums = newEnums;
            parts.sequences = newSequences;
            parts.tables = newTables;
            parts.indexes = newIndexes;
            parts.foreignKeys = newForeignKeys;
            parts.views = newViews;
        });
    }

    /** This model with its tables replaced (the other lists kept). */
    public SchemaModel withTables(List<Table> newTables) {
        return with(parts -> parts.tables = newTables);
    }

    /** This model with its policies replaced (the other lists kept). */
    public SchemaModel withPolicies(List<Policy> newPolicies) {
        return with(parts -> parts.policies = newPolicies);
    }

    /** This model with its triggers replaced (the other lists kept). */
    public SchemaModel withTriggers(List<Trigger> newTriggers) {
        return with(parts -> parts.triggers = newTriggers);
    }

    /** This model without its list of unmanaged objects. */
    public SchemaModel withoutUnmanaged() {
        return withUnmanaged(List.of());
    }

    /** This model with its privileges and collations replaced (the other lists kept). */
    public SchemaModel withPrivilegesAndCollations(List<Privilege> newPrivileges, List<Collation> newCollations) {
        return with(parts -> {
            parts.privileges = newPrivileges;
            parts.collations = newCollations;
        });
    }

    /** This model with its catalog objects replaced (the other lists kept). */
    public SchemaModel withCatalogObjects(List<CatalogObject> newCatalogObjects) {
        return with(parts -> parts.catalogObjects = newCatalogObjects);
    }

    /** This model with its unmanaged objects replaced (the other lists kept). */
    public SchemaModel withUnmanaged(List<UnmanagedObject> newUnmanaged) {
        return with(parts -> parts.unmanaged = newUnmanaged);
    }

    /** This model with the lists {@code change} replaces, every other list kept. */
    private SchemaModel with(Consumer<Parts> change) {
        Parts parts = new Parts(this);
        change.accept(parts);
        return parts.model();
    }

    /**
     * Parts are the lists of a model while some of them are replaced: the one place, beside the
     * record's header, that names them all, so that a new list cannot be lost by one copy of many.
     */
    private static final class Parts {
        List<NamedSchema> schemas;
        List<EnumType> enums;
        List<Sequence> sequences;
        List<Table> tables;
        List<Index> indexes;
        List<ForeignKey> foreignKeys;
        List<View> views;
        List<Routine> routines;
        List<Trigger> triggers;
        List<Policy> policies;
        List<RowSecurity> rowSecurity;
        List<Domain> domains;
        List<CompositeType> compositeTypes;
        List<Extension> extensions;
        List<MaterializedView> materializedViews;
        List<UnmanagedObject> unmanaged;
        List<Privilege> privileges;
        List<Collation> collations;
        List<CatalogObject> catalogObjects;

        Parts(SchemaModel m) {
            schemas = m.schemas;
            enums = m.enums;
            sequences = m.sequences;
            tables = m.tables;
            indexes = m.indexes;
            foreignKeys = m.foreignKeys;
            views = m.views;
            routines = m.routines;
            triggers = m.triggers;
            policies = m.policies;
            rowSecurity = m.rowSecurity;
            domains = m.domains;
            compositeTypes = m.compositeTypes;
            extensions = m.extensions;
            materializedViews = m.materializedViews;
            unmanaged = m.unmanaged;
            privileges = m.privileges;
            collations = m.collations;
            catalogObjects = m.catalogObjects;
        }

        SchemaModel model() {
            return new SchemaModel(schemas, enums, sequences, tables, indexes, foreignKeys, views, routines, triggers,
                    policies, rowSecurity, domains, compositeTypes, extensions, materializedViews, unmanaged,
                    privileges, collations, catalogObjects);
        }
    }

    private static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : items;
    }

    private static <T, K extends Comparable<? super K>> List<T> sorted(List<T> items, Function<T, K> key) {
        return items.stream().sorted(Comparator.comparing(key)).toList();
    }
}
