package dev.converge.engine.plan;

import dev.converge.engine.change.*;
import dev.converge.engine.diff.ModelIndex;
import dev.converge.engine.model.CompositeType;
import dev.converge.engine.model.Domain;
import dev.converge.engine.model.EnumType;
import dev.converge.engine.model.Extension;
import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.MaterializedView;
import dev.converge.engine.model.NamedSchema;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Policy;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.Sequence;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.Trigger;
import dev.converge.engine.model.View;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Inverses gives, for each change, the change that undoes it, computed at plan time against the
 * schema the plan starts from. An apply that fails after committing some steps (a non-transactional
 * step, a MySQL DDL statement that commits by itself, an earlier transaction group) runs these, in
 * reverse order, to put the target back where it was.
 *
 * <p>Empty means irreversible: dropping a table or a column loses its rows, dropping a sequence loses
 * its position, and PostgreSQL cannot remove an enum label. An undo stops at such a step, and the
 * target stays at the checkpoint just after it.
 */
public final class Inverses implements ChangeVisitor<Optional<Change>> {
    private final ModelIndex current;

    private Inverses(ModelIndex current) {
        this.current = current;
    }

    /** The change that undoes {@code change}, or empty when it cannot be undone. */
    public static Optional<Change> of(Change change, ModelIndex current) {
        return change.accept(new Inverses(current));
    }

    private static Optional<Change> undo(Change change) {
        return Optional.of(change);
    }

    private static Optional<Change> irreversible() {
        return Optional.empty();
    }

    @Override public Optional<Change> visitAddColumn(AddColumn c) { return undo(new DropColumn(c.table(), c.column())); }
    @Override public Optional<Change> visitAddConstraint(AddConstraint c) { return undo(new DropConstraint(c.table(), c.constraint())); }
    @Override public Optional<Change> visitAddEnumValue(AddEnumValue c) { return irreversible(); }
    @Override public Optional<Change> visitAddForeignKey(AddForeignKey c) { return undo(new DropForeignKey(c.foreignKey())); }
    @Override public Optional<Change> visitAlterColumn(AlterColumn c) { return undo(new AlterColumn(c.table(), c.to(), c.from(), c.kinds(), positionBefore(c))); }
    @Override public Optional<Change> visitReleaseColumn(ReleaseColumn c) { return undo(new AlterColumn(c.table(), c.to(), c.from(), c.kinds())); }
    @Override public Optional<Change> visitAlterSequence(AlterSequence c) { return undo(new AlterSequence(c.to(), c.from())); }
    @Override public Optional<Change> visitCreateEnum(CreateEnum c) { return undo(new DropEnum(c.type())); }
    @Override public Optional<Change> visitCreateIndex(CreateIndex c) { return undo(new DropIndex(c.index())); }
    @Override public Optional<Change> visitCreateSchema(CreateSchema c) { return undo(new DropSchema(c.schema())); }
    @Override public Optional<Change> visitCreateSequence(CreateSequence c) { return undo(new DropSequence(c.sequence())); }
    @Override public Optional<Change> visitCreateTable(CreateTable c) { return undo(new DropTable(c.table())); }
    @Override public Optional<Change> visitCreateView(CreateView c) { return undo(new DropView(c.view())); }
    @Override public Optional<Change> visitDropColumn(DropColumn c) { return irreversible(); }
    @Override public Optional<Change> visitDropConstraint(DropConstraint c) { return undo(new AddConstraint(c.table(), c.constraint())); }
    @Override public Optional<Change> visitDropEnum(DropEnum c) { return undo(new CreateEnum(c.type())); }
    @Override public Optional<Change> visitDropForeignKey(DropForeignKey c) { return undo(new AddForeignKey(c.foreignKey())); }
    @Override public Optional<Change> visitDropIndex(DropIndex c) { return undo(new CreateIndex(c.index())); }
    @Override public Optional<Change> visitReplaceIndex(ReplaceIndex c) { return undo(new ReplaceIndex(c.to(), c.from())); }
    @Override public Optional<Change> visitDropSchema(DropSchema c) { return undo(new CreateSchema(c.schema())); }
    @Override public Optional<Change> visitDropSequence(DropSequence c) { return irreversible(); }
    @Override public Optional<Change> visitDropTable(DropTable c) { return irreversible(); }
    @Override public Optional<Change> visitDropView(DropView c) { return undo(new CreateView(c.view())); }

    @Override public Optional<Change> visitCreateRoutine(CreateRoutine c) { return undo(new DropRoutine(c.routine())); }
    @Override public Optional<Change> visitReplaceRoutine(ReplaceRoutine c) { return undo(new ReplaceRoutine(c.to(), c.from())); }
    @Override public Optional<Change> visitDropRoutine(DropRoutine c) { return undo(new CreateRoutine(c.routine())); }
    @Override public Optional<Change> visitCreateTrigger(CreateTrigger c) { return undo(new DropTrigger(c.trigger())); }
    @Override public Optional<Change> visitDropTrigger(DropTrigger c) { return undo(new CreateTrigger(c.trigger())); }
    @Override public Optional<Change> visitSetTriggerState(SetTriggerState c) { return undo(new SetTriggerState(c.to(), c.from())); }
    @Override public Optional<Change> visitCreatePolicy(CreatePolicy c) { return undo(new DropPolicy(c.policy())); }
    @Override public Optional<Change> visitDropPolicy(DropPolicy c) { return undo(new CreatePolicy(c.policy())); }
    @Override public Optional<Change> visitSetRowSecurity(SetRowSecurity c) { return undo(new SetRowSecurity(c.to(), c.from())); }
    @Override public Optional<Change> visitCreateDomain(CreateDomain c) { return undo(new DropDomain(c.domain())); }
    @Override public Optional<Change> visitAlterDomain(AlterDomain c) { return undo(new AlterDomain(c.to(), c.from())); }
    @Override public Optional<Change> visitDropDomain(DropDomain c) { return undo(new CreateDomain(c.domain())); }
    @Override public Optional<Change> visitCreateCompositeType(CreateCompositeType c) { return undo(new DropCompositeType(c.type())); }
    @Override public Optional<Change> visitDropCompositeType(DropCompositeType c) { return undo(new CreateCompositeType(c.type())); }
    @Override public Optional<Change> visitCreateExtension(CreateExtension c) { return undo(new DropExtension(c.extension())); }
    /** An extension update script has no reverse in general. */
    @Override public Optional<Change> visitAlterExtension(AlterExtension c) { return irreversible(); }
    @Override public Optional<Change> visitDropExtension(DropExtension c) { return irreversible(); }
    @Override public Optional<Change> visitCreateMaterializedView(CreateMaterializedView c) { return undo(new DropMaterializedView(c.view())); }
    /** Created again from its query: its rows are derived data. */
    @Override public Optional<Change> visitDropMaterializedView(DropMaterializedView c) { return undo(new CreateMaterializedView(c.view())); }

    @Override public Optional<Change> visitSetPartitionOf(SetPartitionOf c) { return undo(new SetPartitionOf(c.table(), c.to(), c.from())); }

    /** Dropping an attribute loses its values wherever the type is stored; retypes and additions can be undone. */
    @Override
    public Optional<Change> visitAlterCompositeType(AlterCompositeType c) {
        boolean drops = c.from().attributes().stream()
                .anyMatch(a -> c.to().attributes().stream().noneMatch(b -> b.name().equals(a.name())));
        return drops ? irreversible() : undo(new AlterCompositeType(c.to(), c.from()));
    }

    @Override
    public Optional<Change> visitAlterTableOptions(AlterTableOptions c) {
        return undo(new AlterTableOptions(c.table(), c.to(), c.from()));
    }

    @Override
    public Optional<Change> visitAlterIndexStatistics(AlterIndexStatistics c) {
        return undo(new AlterIndexStatistics(c.index().withStatistics(c.from()), c.to()));
    }

    @Override
    public Optional<Change> visitRename(Rename c) {
        return undo(new Rename(c.target(), c.fromName()));
    }

    @Override
    public Optional<Change> visitSetComment(SetComment c) {
        return undo(new SetComment(c.object(), commentBefore(c.object())));
    }

    @Override
    public Optional<Change> visitSetSequenceOwner(SetSequenceOwner c) {
        Sequence before = current.sequences().get(c.sequence().name());
        // A sequence created by this plan has no owner before it; undoing its creation drops it anyway.
        Sequence s = c.sequence();
        return undo(new SetSequenceOwner(before != null ? before : new Sequence(s.name(), s.dataType(), s.start(),
                s.increment(), s.minValue(), s.maxValue(), s.cache(), s.cycle(), null, s.comment())));
    }

    /** Where a moved column was before the plan: after the column before it, "" when it was first. */
    private String positionBefore(AlterColumn c) {
        Table table = current.tables().get(c.table());
        if (!c.kinds().contains(ColumnChangeKind.POSITION) || table == null) {
            return null;
        }
        int at = table.columns().indexOf(table.column(c.from().name()).orElse(null));
        return at <= 0 ? "" : table.columns().get(at - 1).name();
    }

    /** The comment the object has before the plan runs; null when it has none or does not exist yet. */
    private String commentBefore(ObjectRef object) {
        switch (object.kind()) {
            case SCHEMA:
                return commentOf(current.schemas().get(object.name().schema()), NamedSchema::comment);
            case ENUM:
                return commentOf(current.enums().get(object.name()), EnumType::comment);
            case SEQUENCE:
                return commentOf(current.sequences().get(object.name()), Sequence::comment);
            case TABLE:
                return commentOf(current.tables().get(object.name()), Table::comment);
            case COLUMN: {
                Table table = current.tables().get(object.name());
                if (table != null) {
                    return table.column(object.member()).map(col -> col.comment()).orElse(null);
                }
                View view = current.views().get(object.name());
                return view == null ? null : view.columnComments().get(object.member());
            }
            case CONSTRAINT: {
                Table table = current.tables().get(object.name());
                return table == null ? null : table.constraint(object.member()).map(k -> k.comment()).orElse(null);
            }
            case FOREIGN_KEY:
                return commentOf(current.foreignKeys().get(object), ForeignKey::comment);
            case INDEX:
                return commentOf(current.indexes().get(object.name()), Index::comment);
            case VIEW:
                return commentOf(current.views().get(object.name()), View::comment);
            case MATERIALIZED_VIEW:
                return commentOf(current.materializedViews().get(object.name()), MaterializedView::comment);
            case ROUTINE:
                return commentOf(current.routines().get(object), Routine::comment);
            case TRIGGER:
                return commentOf(current.triggers().get(object), Trigger::comment);
            case POLICY:
                return commentOf(current.policies().get(object), Policy::comment);
            case DOMAIN:
                return commentOf(current.domains().get(object.name()), Domain::comment);
            case COMPOSITE_TYPE:
                return commentOf(current.compositeTypes().get(object.name()), CompositeType::comment);
            case EXTENSION:
                return commentOf(current.extensions().get(object.name().name()), Extension::comment);
            case COLLATION:
                return current.model().collations().stream().filter(c -> c.ref().equals(object))
                        .findFirst().map(c -> c.comment()).orElse(null);
            default:
                return null;
        }
    }

    /** The comment of an object of the model before the plan; null when it is not there. */
    private static <T> String commentOf(T object, Function<T, String> comment) {
        return object == null ? null : comment.apply(object);
    }

    /** Undone by revoking what it granted: the grant option only where the privilege was held before. */
    @Override
    public Optional<Change> visitGrantPrivileges(GrantPrivileges c) {
        Map<String, Boolean> before = privilegesBefore(c.object(), c.grantee());
        if (c.privileges().stream().noneMatch(before::containsKey)) {
            return undo(new RevokePrivileges(c.object(), c.grantee(), c.privileges(), false));
        }
        if (c.withGrantOption() && c.privileges().stream().allMatch(p -> Boolean.FALSE.equals(before.get(p)))) {
            return undo(new RevokePrivileges(c.object(), c.grantee(), c.privileges(), true));
        }
        return irreversible();
    }

    /** Undone by granting again what was held, with the grant option it had. */
    @Override
    public Optional<Change> visitRevokePrivileges(RevokePrivileges c) {
        if (c.grantOptionOnly()) {
            return undo(new GrantPrivileges(c.object(), c.grantee(), c.privileges(), true));
        }
        Map<String, Boolean> before = privilegesBefore(c.object(), c.grantee());
        java.util.Set<Boolean> options = c.privileges().stream().map(p -> before.getOrDefault(p, false))
                .collect(java.util.stream.Collectors.toSet());
        return options.size() == 1
                ? undo(new GrantPrivileges(c.object(), c.grantee(), c.privileges(), options.iterator().next()))
                : irreversible();
    }

    private Map<String, Boolean> privilegesBefore(ObjectRef object, String grantee) {
        Map<String, Boolean> held = new java.util.TreeMap<>();
        current.model().privileges().stream()
                .filter(p -> p.object().equals(object) && p.grantee().equals(grantee))
                .forEach(p -> held.put(p.privilege(), p.grantable()));
        return held;
    }

    /** The old type is dropped: converting back could fail on rows using a label only the new type has. */
    @Override
    public Optional<Change> visitRecreateEnum(RecreateEnum c) {
        return irreversible();
    }

    /** The rebuild back to the old partitioning, copying the rows again. */
    @Override
    public Optional<Change> visitRebuildTable(RebuildTable c) {
        return undo(new RebuildTable(c.table(), c.creates().stream().map(create -> new DropTable(create.table())).toList(),
                c.drops().stream().map(drop -> new CreateTable(drop.table())).toList(), c.ownedSequences()));
    }

    @Override
    public Optional<Change> visitCreateCollation(CreateCollation c) {
        return undo(new DropCollation(c.collation()));
    }

    @Override
    public Optional<Change> visitDropCollation(DropCollation c) {
        return undo(new CreateCollation(c.collation()));
    }

    @Override
    public Optional<Change> visitCreateCatalogObject(CreateCatalogObject c) {
        return undo(new DropCatalogObject(c.object()));
    }

    @Override
    public Optional<Change> visitDropCatalogObject(DropCatalogObject c) {
        return undo(new CreateCatalogObject(c.object()));
    }
}
