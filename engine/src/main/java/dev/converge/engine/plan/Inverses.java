package dev.converge.engine.plan;

import dev.converge.engine.change.*;
import dev.converge.engine.diff.ModelIndex;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Sequence;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.View;
import java.util.Optional;

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
    @Override public Optional<Change> visitAlterColumn(AlterColumn c) { return undo(new AlterColumn(c.table(), c.to(), c.from(), c.kinds())); }
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
    @Override public Optional<Change> visitDropSchema(DropSchema c) { return undo(new CreateSchema(c.schema())); }
    @Override public Optional<Change> visitDropSequence(DropSequence c) { return irreversible(); }
    @Override public Optional<Change> visitDropTable(DropTable c) { return irreversible(); }
    @Override public Optional<Change> visitDropView(DropView c) { return undo(new CreateView(c.view())); }

    @Override
    public Optional<Change> visitAlterTableOptions(AlterTableOptions c) {
        return undo(new AlterTableOptions(c.table(), c.to(), c.from()));
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

    /** The comment the object has before the plan runs; null when it has none or does not exist yet. */
    private String commentBefore(ObjectRef object) {
        switch (object.kind()) {
            case SCHEMA: {
                var schema = current.schemas().get(object.name().schema());
                return schema == null ? null : schema.comment();
            }
            case ENUM: {
                var type = current.enums().get(object.name());
                return type == null ? null : type.comment();
            }
            case SEQUENCE: {
                Sequence sequence = current.sequences().get(object.name());
                return sequence == null ? null : sequence.comment();
            }
            case TABLE: {
                Table table = current.tables().get(object.name());
                return table == null ? null : table.comment();
            }
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
            case FOREIGN_KEY: {
                var key = current.foreignKeys().get(object);
                return key == null ? null : key.comment();
            }
            case INDEX: {
                var index = current.indexes().get(object.name());
                return index == null ? null : index.comment();
            }
            case VIEW: {
                View view = current.views().get(object.name());
                return view == null ? null : view.comment();
            }
            default:
                return null;
        }
    }
}
