package dev.converge.engine.plan;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.Rename;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.EnumType;
import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Sequence;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import dev.converge.engine.model.Trigger;
import dev.converge.engine.model.View;
import dev.converge.engine.source.RenameAnnotation;
import dev.converge.engine.text.NameRewriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Renames turns {@code -- converge:renamed-from} annotations into {@link Rename} changes, and gives
 * the planner the current model as it will be after them, so that the diff sees the renamed object
 * as the same object (and plans no drop and create). An annotation acts only where the old name
 * exists, the new one does not, and the desired state wants the new one; elsewhere it is a no-op,
 * and the plan notes that it is no longer needed for this target.
 *
 * <p>Definitions that name the renamed object (a foreign key's {@code REFERENCES}, an index or
 * check on a renamed column) are rewritten the way the server prints them, through the dialect's
 * lexer ({@link NameRewriter}), so that they compare equal to the desired ones and a string literal
 * that happens to hold the old name is left alone; where the rewriting misses, the diff replaces that
 * index or key, which loses no data.
 */
final class Renames {
    /** Tables first: a column or constraint annotation names its table by its new name. */
    private static final List<ObjectKind> ORDER = List.of(ObjectKind.TABLE, ObjectKind.VIEW, ObjectKind.SEQUENCE,
            ObjectKind.INDEX, ObjectKind.COLUMN, ObjectKind.CONSTRAINT, ObjectKind.FOREIGN_KEY, ObjectKind.ENUM);

    record Result(SchemaModel current, List<Change> changes, List<String> notes) {
    }

    private final NameRewriter names;

    Renames(NameRewriter names) {
        this.names = names;
    }

    Result apply(SchemaModel current, SchemaModel desired, List<RenameAnnotation> annotations) {
        SchemaModel model = current;
        List<Change> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<RenameAnnotation> sorted = annotations.stream()
                .filter(a -> ORDER.contains(a.object().kind()))
                .sorted(Comparator.comparingInt((RenameAnnotation a) -> ORDER.indexOf(a.object().kind()))
                        .thenComparing(RenameAnnotation::at))
                .toList();
        Set<QualifiedName> touched = new LinkedHashSet<>();
        for (RenameAnnotation a : sorted) {
            ObjectRef to = a.object();
            String newName = to.member().isEmpty() ? (to.kind() == ObjectKind.SCHEMA ? to.name().schema()
                    : to.name().name()) : to.member();
            ObjectRef from = withName(to, a.oldName());
            String annotation = "converge:renamed-from " + a.oldName() + " at " + a.at();
            boolean oldHere = exists(model, from);
            boolean newHere = exists(model, to);
            if (oldHere && !newHere && exists(desired, to) && !exists(desired, from)) {
                changes.add(new Rename(from, newName));
                model = rename(model, from, newName);
                if (to.kind() == ObjectKind.TABLE || to.kind() == ObjectKind.COLUMN) {
                    touched.add(to.name());
                }
            } else if (!oldHere) {
                notes.add(annotation + " is no longer needed for this target (it has no "
                        + from.kind().word().replace('_', ' ') + " " + from.display()
                        + "); remove it once no database has the old name");
            } else if (newHere) {
                notes.add(annotation + " does nothing: both " + from.display() + " and " + to.display() + " exist");
            }
        }
        for (QualifiedName table : touched) {
            model = followConstraintNames(model, desired, table, changes);
        }
        return new Result(model, changes, notes);
    }

    /*
     * PostgreSQL names an unnamed constraint after its table and columns (orders_pkey,
     * orders_total_check) and keeps that name when the table or column is renamed. The desired
     * state, loaded afresh, has the new names. A constraint of a renamed table whose name is gone
     * from the desired state, while a constraint of the same kind and definition appears there under
     * a new name, is the same constraint: rename it too, rather than rebuild its index and every
     * foreign key that relies on it.
     */
    private SchemaModel followConstraintNames(SchemaModel model, SchemaModel desired, QualifiedName name,
                                                     List<Change> changes) {
        Table wanted = table(desired, name);
        Table have = table(model, name);
        if (wanted == null || have == null) {
            return model;
        }
        SchemaModel result = model;
        for (TableConstraint c : have.constraints()) {
            if (wanted.constraint(c.name()).isPresent()) {
                continue;
            }
            Table now = table(result, name);
            TableConstraint same = wanted.constraints().stream()
                    .filter(d -> now.constraint(d.name()).isEmpty() && d.kind() == c.kind()
                            && java.util.Objects.equals(d.definition(), c.definition()))
                    .findFirst().orElse(null);
            if (same != null) {
                changes.add(new Rename(ObjectRef.member(ObjectKind.CONSTRAINT, name, c.name()), same.name()));
                result = renameConstraint(result, name, c.name(), same.name());
            }
        }
        for (ForeignKey k : model.foreignKeys().stream().filter(k -> k.table().equals(name)).toList()) {
            SchemaModel before = result;
            boolean kept = desired.foreignKeys().stream().anyMatch(d -> d.table().equals(name) && d.name().equals(k.name()));
            if (kept) {
                continue;
            }
            ForeignKey same = desired.foreignKeys().stream()
                    .filter(d -> d.table().equals(name) && d.definition().equals(k.definition())
                            && before.foreignKeys().stream().noneMatch(x -> x.table().equals(name)
                            && x.name().equals(d.name())))
                    .findFirst().orElse(null);
            if (same != null) {
                changes.add(new Rename(ObjectRef.member(ObjectKind.FOREIGN_KEY, name, k.name()), same.name()));
                result = renameConstraint(result, name, k.name(), same.name());
            }
        }
        return result;
    }

    private static ObjectRef withName(ObjectRef ref, String name) {
        if (!ref.member().isEmpty()) {
            return ObjectRef.member(ref.kind(), ref.name(), name);
        }
        if (ref.kind() == ObjectKind.SCHEMA) {
            return ObjectRef.schema(name);
        }
        return ObjectRef.of(ref.kind(), QualifiedName.of(ref.name().schema(), name));
    }

    static boolean exists(SchemaModel model, ObjectRef ref) {
        QualifiedName name = ref.name();
        switch (ref.kind()) {
            case SCHEMA:
                return model.schemas().stream().anyMatch(s -> s.name().equals(name.schema()));
            case TABLE:
                return table(model, name) != null;
            case COLUMN:
                return table(model, name) != null && table(model, name).column(ref.member()).isPresent();
            case CONSTRAINT:
            case FOREIGN_KEY:
                return table(model, name) != null && table(model, name).constraint(ref.member()).isPresent()
                        || model.foreignKeys().stream().anyMatch(k -> k.table().equals(name)
                        && k.name().equals(ref.member()));
            case INDEX:
                return model.indexes().stream().anyMatch(i -> i.name().equals(name));
            case VIEW:
                return model.views().stream().anyMatch(v -> v.name().equals(name));
            case SEQUENCE:
                return model.sequences().stream().anyMatch(s -> s.name().equals(name));
            case ENUM:
                // Only labels are renamed (member = the label); a type rename is not supported.
                return model.enums().stream().anyMatch(e -> e.name().equals(name)
                        && (ref.member().isEmpty() || e.labels().contains(ref.member())));
            default:
                return false;
        }
    }

    private static Table table(SchemaModel model, QualifiedName name) {
        return model.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    // ------------------------------------------------------------ the model after a rename

    private SchemaModel rename(SchemaModel m, ObjectRef from, String to) {
        QualifiedName old = from.name();
        switch (from.kind()) {
            case TABLE:
                return renameTable(m, old, QualifiedName.of(old.schema(), to));
            case COLUMN:
                return renameColumn(m, old, from.member(), to);
            case CONSTRAINT:
            case FOREIGN_KEY:
                return renameConstraint(m, old, from.member(), to);
            case INDEX:
                return m.withCore(m.schemas(), m.enums(), m.sequences(), m.tables(),
                        map(m.indexes(), i -> i.name().equals(old) ? index(i, QualifiedName.of(old.schema(), to),
                                i.table(), i.keys(), i.definition()) : i),
                        m.foreignKeys(), m.views());
            case VIEW:
                return m.withCore(m.schemas(), m.enums(), m.sequences(), m.tables(), m.indexes(), m.foreignKeys(),
                        map(m.views(), v -> v.name().equals(old) ? new View(QualifiedName.of(old.schema(), to),
                                v.definition(), v.options(), v.dependsOn(), v.comment(), v.columnComments()) : v));
            case SEQUENCE:
                return renameSequence(m, old, QualifiedName.of(old.schema(), to));
            case ENUM:
                return renameEnumLabel(m, old, from.member(), to);
            default:
                return m; // not reached: Renames acts only on the kinds in ORDER
        }
    }

    private SchemaModel renameTable(SchemaModel m, QualifiedName old, QualifiedName renamed) {
        UnaryOperator<String> text = t -> names.renameRelation(t, old, renamed);
        List<Table> tables = map(m.tables(), t -> t.name().equals(old)
                ? new Table(renamed, t.columns(), t.constraints(), t.comment(), t.options(), t.partitionKey(), t.partitionOf())
                : t);
        List<Index> indexes = map(m.indexes(), i -> i.table().equals(old)
                ? index(i, indexNameOnRenamedTable(i.name(), old, renamed), renamed, i.keys(),
                text.apply(i.definition())) : i);
        List<ForeignKey> keys = map(m.foreignKeys(), k -> new ForeignKey(k.table().equals(old) ? renamed : k.table(),
                k.name(), k.columns(), k.referencedTable().equals(old) ? renamed : k.referencedTable(),
                k.referencedColumns(), text.apply(k.definition()), k.comment()));
        List<Sequence> sequences = map(m.sequences(), s -> s.ownedBy() != null && s.ownedBy().name().equals(old)
                ? sequence(s, new ObjectRef(s.ownedBy().kind(), renamed, s.ownedBy().member())) : s);
        // A table's triggers go with it (PostgreSQL and MySQL alike): they are its triggers under the new name.
        List<Trigger> triggers = map(m.triggers(), t -> !t.table().equals(old) ? t : new Trigger(renamed, t.name(),
                text.apply(t.definition()), t.enabled(), t.function(), t.comment(), t.dependsOn().stream()
                .map(d -> d.name().equals(old) ? new ObjectRef(d.kind(), renamed, d.member()) : d).toList(),
                t.writtenAs() == null ? null : text.apply(t.writtenAs())));
        return m.withCore(m.schemas(), m.enums(), sequences, tables, indexes, keys, m.views()).withTriggers(triggers);
    }

    /*
     * MySQL names an index per table, and the model names it table.index (the engine's indexes are
     * named per schema): such a name follows its table. A PostgreSQL index keeps its name.
     */
    private static QualifiedName indexNameOnRenamedTable(QualifiedName index, QualifiedName old, QualifiedName renamed) {
        String prefix = old.name() + ".";
        return index.name().startsWith(prefix)
                ? QualifiedName.of(index.schema(), renamed.name() + "." + index.name().substring(prefix.length()))
                : index;
    }

    /* A label in a column default is a literal written with its type. */
    private SchemaModel renameEnumLabel(SchemaModel m, QualifiedName type, String old, String renamed) {
        List<EnumType> enums = map(m.enums(), e -> !e.name().equals(type) ? e : new EnumType(e.name(),
                e.labels().stream().map(l -> l.equals(old) ? renamed : l).toList(), e.comment()));
        List<Table> tables = map(m.tables(), t -> t.withColumns(map(t.columns(), c -> c.defaultExpression() == null
                ? c : new Column(c.name(), c.type(), c.notNull(), names.renameLabel(c.defaultExpression(), type, old, renamed),
                c.identity(), c.identityOptions(), c.generatedExpression(), c.collation(), c.comment(), c.dependsOn(),
                c.settings()))));
        return m.withCore(m.schemas(), enums, m.sequences(), tables, m.indexes(), m.foreignKeys(), m.views());
    }

    /* A column default names its sequence (in PostgreSQL, in a string that names an object). */
    private SchemaModel renameSequence(SchemaModel m, QualifiedName old, QualifiedName renamed) {
        ObjectRef oldRef = ObjectRef.of(ObjectKind.SEQUENCE, old);
        ObjectRef newRef = ObjectRef.of(ObjectKind.SEQUENCE, renamed);
        List<Sequence> sequences = map(m.sequences(), s -> !s.name().equals(old) ? s : new Sequence(renamed,
                s.dataType(), s.start(), s.increment(), s.minValue(), s.maxValue(), s.cache(), s.cycle(), s.ownedBy(),
                s.comment()));
        List<Table> tables = map(m.tables(), t -> t.withColumns(map(t.columns(), c -> new Column(c.name(),
                c.type(), c.notNull(), names.renameRelation(c.defaultExpression(), old, renamed),
                c.identity(), c.identityOptions(), c.generatedExpression(), c.collation(), c.comment(),
                c.dependsOn().stream().map(d -> d.equals(oldRef) ? newRef : d).toList(), c.settings()))));
        return m.withCore(m.schemas(), m.enums(), sequences, tables, m.indexes(), m.foreignKeys(), m.views());
    }

    private SchemaModel renameColumn(SchemaModel m, QualifiedName table, String old, String renamed) {
        UnaryOperator<String> text = t -> names.renameColumn(t, table, old, renamed);
        UnaryOperator<List<String>> names = list -> list.stream().map(n -> n.equals(old) ? renamed : n).toList();
        List<Table> tables = map(m.tables(), t -> !t.name().equals(table) ? t : t
                .withColumns(map(t.columns(), c -> c.name().equals(old) ? column(c, renamed) : c))
                .withConstraints(map(t.constraints(), c -> new TableConstraint(c.name(), c.kind(),
                        text.apply(c.definition()), names.apply(c.columns()), c.comment()))));
        List<Index> indexes = map(m.indexes(), i -> i.table().equals(table)
                ? index(i, i.name(), i.table(), names.apply(i.keys()), text.apply(i.definition())) : i);
        List<ForeignKey> keys = map(m.foreignKeys(), k -> {
            boolean on = k.table().equals(table);
            boolean to = k.referencedTable().equals(table);
            if (!on && !to) {
                return k;
            }
            return new ForeignKey(k.table(), k.name(), on ? names.apply(k.columns()) : k.columns(), k.referencedTable(),
                    to ? names.apply(k.referencedColumns()) : k.referencedColumns(), text.apply(k.definition()),
                    k.comment());
        });
        ObjectRef oldColumn = ObjectRef.member(ObjectKind.COLUMN, table, old);
        List<Sequence> sequences = map(m.sequences(), s -> oldColumn.equals(s.ownedBy())
                ? sequence(s, ObjectRef.member(ObjectKind.COLUMN, table, renamed)) : s);
        return m.withCore(m.schemas(), m.enums(), sequences, tables, indexes, keys, m.views());
    }

    private SchemaModel renameConstraint(SchemaModel m, QualifiedName table, String old, String renamed) {
        List<Table> tables = map(m.tables(), t -> !t.name().equals(table) ? t : t.withConstraints(
                map(t.constraints(), c -> c.name().equals(old)
                        ? new TableConstraint(renamed, c.kind(), c.definition(), c.columns(), c.comment()) : c)));
        List<ForeignKey> keys = map(m.foreignKeys(), k -> k.table().equals(table) && k.name().equals(old)
                ? new ForeignKey(k.table(), renamed, k.columns(), k.referencedTable(), k.referencedColumns(),
                k.definition(), k.comment()) : k);
        // A unique or primary key constraint's index is renamed with it.
        List<Index> indexes = map(m.indexes(), i -> i.table().equals(table) && i.name().name().equals(old)
                ? index(i, QualifiedName.of(i.name().schema(), renamed), i.table(), i.keys(), i.definition()) : i);
        return m.withCore(m.schemas(), m.enums(), m.sequences(), tables, indexes, keys, m.views());
    }

    private static Column column(Column c, String name) {
        return new Column(name, c.type(), c.notNull(), c.defaultExpression(), c.identity(), c.identityOptions(),
                c.generatedExpression(), c.collation(), c.comment(), c.dependsOn(), c.settings());
    }

    /* An index's definition names the index itself (unqualified): a renamed index's text follows. */
    private Index index(Index i, QualifiedName name, QualifiedName table, List<String> keys, String definition) {
        String text = i.name().name().equals(name.name()) ? definition
                : names.renameOwnName(definition, i.name().name(), name.name());
        return new Index(name, table, i.unique(), i.method(), keys, i.include(), i.predicate(), text,
                i.comment(), i.parentIndex(), i.statistics());
    }

    private static Sequence sequence(Sequence s, ObjectRef ownedBy) {
        return new Sequence(s.name(), s.dataType(), s.start(), s.increment(), s.minValue(), s.maxValue(), s.cache(),
                s.cycle(), ownedBy, s.comment());
    }

    private static <T> List<T> map(List<T> items, UnaryOperator<T> f) {
        return items.stream().map(f).toList();
    }
}
