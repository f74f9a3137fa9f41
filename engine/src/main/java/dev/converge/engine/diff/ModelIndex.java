package dev.converge.engine.diff;

import dev.converge.engine.model.CompositeType;
import dev.converge.engine.model.Domain;
import dev.converge.engine.model.EnumType;
import dev.converge.engine.model.Extension;
import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.MaterializedView;
import dev.converge.engine.model.NamedSchema;
import dev.converge.engine.model.Policy;
import dev.converge.engine.model.RowSecurity;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.Trigger;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Sequence;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.View;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * ModelIndex is a schema model with its objects looked up by name, built once per diff. Maps keep
 * the model's sorted order, so iterating them is deterministic.
 */
public final class ModelIndex {
    private final SchemaModel model;
    private final Map<String, NamedSchema> schemas;
    private final Map<QualifiedName, EnumType> enums;
    private final Map<QualifiedName, Sequence> sequences;
    private final Map<QualifiedName, Table> tables;
    private final Map<QualifiedName, Index> indexes;
    private final Map<ObjectRef, ForeignKey> foreignKeys;
    private final Map<QualifiedName, View> views;
    private final Map<ObjectRef, Routine> routines;
    private final Map<ObjectRef, Trigger> triggers;
    private final Map<ObjectRef, Policy> policies;
    private final Map<QualifiedName, RowSecurity> rowSecurity;
    private final Map<QualifiedName, Domain> domains;
    private final Map<QualifiedName, CompositeType> compositeTypes;
    private final Map<String, Extension> extensions;
    private final Map<QualifiedName, MaterializedView> materializedViews;

    public ModelIndex(SchemaModel model) {
        this.model = model;
        this.schemas = byKey(model.schemas(), NamedSchema::name);
        this.enums = byKey(model.enums(), EnumType::name);
        this.sequences = byKey(model.sequences(), Sequence::name);
        this.tables = byKey(model.tables(), Table::name);
        this.indexes = byKey(model.indexes(), Index::name);
        this.foreignKeys = byKey(model.foreignKeys(), ForeignKey::ref);
        this.views = byKey(model.views(), View::name);
        this.routines = byKey(model.routines(), Routine::ref);
        this.triggers = byKey(model.triggers(), Trigger::ref);
        this.policies = byKey(model.policies(), Policy::ref);
        this.rowSecurity = byKey(model.rowSecurity(), RowSecurity::table);
        this.domains = byKey(model.domains(), Domain::name);
        this.compositeTypes = byKey(model.compositeTypes(), CompositeType::name);
        this.extensions = byKey(model.extensions(), Extension::name);
        this.materializedViews = byKey(model.materializedViews(), MaterializedView::name);
    }

    private static <K, V> Map<K, V> byKey(Iterable<V> items, Function<V, K> key) {
        Map<K, V> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(key.apply(item), item));
        return map;
    }

    public SchemaModel model() {
        return model;
    }

    public Map<String, NamedSchema> schemas() {
        return schemas;
    }

    public Map<QualifiedName, EnumType> enums() {
        return enums;
    }

    public Map<QualifiedName, Sequence> sequences() {
        return sequences;
    }

    public Map<QualifiedName, Table> tables() {
        return tables;
    }

    public Map<QualifiedName, Index> indexes() {
        return indexes;
    }

    public Map<ObjectRef, ForeignKey> foreignKeys() {
        return foreignKeys;
    }

    public Map<QualifiedName, View> views() {
        return views;
    }

    /** Routines by their ref, which carries the signature. */
    public Map<ObjectRef, Routine> routines() {
        return routines;
    }

    public Map<ObjectRef, Trigger> triggers() {
        return triggers;
    }

    public Map<ObjectRef, Policy> policies() {
        return policies;
    }

    /** The row-level security of a table: both off when the model has no entry for it. */
    public RowSecurity rowSecurity(QualifiedName table) {
        return rowSecurity.getOrDefault(table, RowSecurity.off(table));
    }

    public Map<QualifiedName, RowSecurity> rowSecurity() {
        return rowSecurity;
    }

    public Map<QualifiedName, Domain> domains() {
        return domains;
    }

    public Map<QualifiedName, CompositeType> compositeTypes() {
        return compositeTypes;
    }

    /** Extensions by name: an extension is installed once per database, whatever its schema. */
    public Map<String, Extension> extensions() {
        return extensions;
    }

    public Map<QualifiedName, MaterializedView> materializedViews() {
        return materializedViews;
    }

    /** True when the name is a table or a materialized view: the relations indexes belong to. */
    public boolean hasIndexedRelation(QualifiedName name) {
        return tables.containsKey(name) || materializedViews.containsKey(name);
    }
}
