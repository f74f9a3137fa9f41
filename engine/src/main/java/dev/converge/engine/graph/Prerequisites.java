package dev.converge.engine.graph;

import static dev.converge.engine.graph.ChangePredicates.*;

import dev.converge.engine.change.*;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.RoutineCalls;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Prerequisites says, for one change, which other changes of the plan must run before it. The
 * rules, in short: an object is created after what it needs (its schema, the types and sequences of
 * its columns, the tables a foreign key or view reads); an object is dropped after everything that
 * needs it is dropped or changed; a replaced object is dropped before it is created again; and a
 * column is changed only once the views that read its table have been dropped.
 */
final class Prerequisites implements ChangeVisitor<List<Change>> {
    private final ChangeIndex index;

    Prerequisites(ChangeIndex index) {
        this.index = index;
    }

    @Override public List<Change> visitCreateSchema(CreateSchema c) { return List.of(); }

    @Override
    public List<Change> visitDropSchema(DropSchema c) {
        return index.inSchema(c.schema().name(), isDrop().and(ch -> !(ch instanceof DropSchema)));
    }

    @Override public List<Change> visitCreateEnum(CreateEnum c) { return schemaOf(c); }
    @Override public List<Change> visitDropEnum(DropEnum c) { return dependentsChanged(c.target()); }

    /**
     * New labels of one enum are added in their desired order: each is placed BEFORE an existing label
     * or appended, and either way an earlier new label must already be there for the order to come out
     * as desired.
     */
    @Override
    public List<Change> visitAddEnumValue(AddEnumValue c) {
        List<String> labels = c.type().labels();
        int position = labels.indexOf(c.value());
        return index.targeting(c.target(), isA(AddEnumValue.class)).stream()
                .filter(other -> labels.indexOf(((AddEnumValue) other).value()) < position)
                .toList();
    }

    @Override public List<Change> visitCreateSequence(CreateSequence c) { return schemaOf(c); }
    @Override public List<Change> visitAlterSequence(AlterSequence c) { return List.of(); }
    @Override public List<Change> visitDropSequence(DropSequence c) { return dependentsChanged(c.target()); }

    /** A rename needs nothing: it runs first (see ChangeRank), before anything uses the new name. */
    @Override public List<Change> visitRename(Rename c) { return List.of(); }

    @Override
    public List<Change> visitSetSequenceOwner(SetSequenceOwner c) {
        List<Change> before = new ArrayList<>(index.targeting(c.target(), isCreate()));
        ObjectRef owner = c.sequence().ownedBy();
        if (owner != null) {
            before.addAll(creatorsOfColumn(owner));
        }
        return before;
    }

    @Override
    public List<Change> visitCreateTable(CreateTable c) {
        List<Change> before = new ArrayList<>(schemaOf(c));
        if (c.table().partitionOf() != null) {
            before.addAll(index.targeting(ObjectRef.of(ObjectKind.TABLE, c.table().partitionOf().parent()),
                    isA(CreateTable.class)));
        }
        c.table().columns().forEach(column -> column.dependsOn().forEach(dep -> before.addAll(creatorsOf(dep))));
        before.addAll(predecessorOfSameName(c.table().name()));
        return before;
    }

    /** What its parts need (the change graph asks the parts themselves; this answers for a lone rebuild). */
    @Override
    public List<Change> visitRebuildTable(RebuildTable c) {
        List<Change> before = new ArrayList<>();
        c.parts().forEach(part -> before.addAll(part.accept(this)));
        return before;
    }

    @Override
    public List<Change> visitDropTable(DropTable c) {
        QualifiedName table = c.table().name();
        List<Change> before = new ArrayList<>(index.onTable(table, isA(DropForeignKey.class)));
        before.addAll(index.referencing(table, isA(DropForeignKey.class)));
        before.addAll(dependentsChanged(c.target()));
        before.addAll(sequenceOwnersMovedAwayFrom(table, null));
        // Dropping a partitioned table drops its partitions: those the plan drops or detaches go first.
        for (ObjectRef partition : index.currentPartitionsOf(table)) {
            before.addAll(index.targeting(partition, isA(DropTable.class, SetPartitionOf.class)));
        }
        return before;
    }

    /**
     * New columns are appended, so they are added in the order the desired table lists them, which is
     * the order the differ emits them in.
     */
    @Override
    public List<Change> visitAddColumn(AddColumn c) {
        List<Change> before = new ArrayList<>(index.targeting(c.target(), isA(DropColumn.class)));
        before.addAll(detachOf(c.table()));
        for (Change other : index.onTable(c.table(), isA(AddColumn.class))) {
            if (other == c) {
                break;
            }
            before.add(other);
        }
        before.addAll(creatorsOfAll(c.column().dependsOn()));
        before.addAll(placing(c.table(), c.after()));
        return before;
    }

    /**
     * The changes that put column {@code after} of a table in its place, when a column is placed after
     * it: its addition, or its move. Columns are placed in the desired order, each after the one before.
     */
    private List<Change> placing(QualifiedName table, String after) {
        if (after == null || after.isEmpty()) {
            return List.of();
        }
        return index.targeting(ObjectRef.member(ObjectKind.COLUMN, table, after), change -> change instanceof AddColumn
                || (change instanceof AlterColumn alter && alter.kinds().contains(ColumnChangeKind.POSITION)));
    }

    @Override
    public List<Change> visitDropColumn(DropColumn c) {
        QualifiedName table = c.table();
        List<Change> before = new ArrayList<>(viewsReadingDropped(table));
        before.addAll(readersOfColumnDropped(c.target()));
        before.addAll(detachOf(table));
        before.addAll(index.onTable(table, isA(DropIndex.class, DropConstraint.class, DropForeignKey.class,
                DropPolicy.class, DropTrigger.class)));
        // The server drops an index with a column it reads: its replacement comes first, so the table
        // keeps an index throughout (the new one cannot read the dropped column).
        before.addAll(index.onTable(table, isA(ReplaceIndex.class)));
        before.addAll(index.referencing(table, isA(DropForeignKey.class)));
        before.addAll(sequenceOwnersMovedAwayFrom(table, c.column().name()));
        return before;
    }

    /** After the column is released, if it is, and after what its desired form needs is created. */
    @Override
    public List<Change> visitAlterColumn(AlterColumn c) {
        List<Change> before = new ArrayList<>(columnAltered(c.table(), c.target()));
        before.addAll(index.targeting(c.target(), isA(ReleaseColumn.class)));
        before.addAll(creatorsOfAll(c.to().dependsOn()));
        if (c.kinds().contains(ColumnChangeKind.POSITION)) {
            before.addAll(placing(c.table(), c.after()));
        }
        if (KeyReplacements.onlySetsNotNull(c)) {
            // A primary key or unique constraint never stands in the way of SET NOT NULL; not waiting
            // for its drop lets a replaced key be dropped and added in one transaction (KeyReplacements).
            before.removeIf(KeyReplacements::dropsKey);
        }
        return before;
    }

    @Override public List<Change> visitReleaseColumn(ReleaseColumn c) { return columnAltered(c.table(), c.target()); }

    /** What must happen before a column of {@code table} changes in place (type, default...). */
    private List<Change> columnAltered(QualifiedName table, ObjectRef column) {
        List<Change> before = new ArrayList<>(viewsReadingDropped(table));
        before.addAll(readersOfColumnDropped(column));
        before.addAll(detachOf(table));
        before.addAll(index.onTable(table, isA(DropIndex.class, DropConstraint.class, DropForeignKey.class,
                DropPolicy.class, DropTrigger.class)));
        before.addAll(index.referencing(table, isA(DropForeignKey.class)));
        return before;
    }

    /** After the columns it reads and the routines a check calls (named in its text) are there. */
    @Override
    public List<Change> visitAddConstraint(AddConstraint c) {
        QualifiedName table = c.table();
        List<Change> before = new ArrayList<>(index.onTable(table,
                isA(AddColumn.class, AlterColumn.class, DropConstraint.class, DropIndex.class)));
        for (Change routine : index.routineCreations()) {
            if (RoutineCalls.in(c.constraint().definition(), routine.target())) {
                before.add(routine);
            }
        }
        return before;
    }

    @Override
    public List<Change> visitDropConstraint(DropConstraint c) {
        return index.referencing(c.table(), isA(DropForeignKey.class));
    }

    @Override
    public List<Change> visitAddForeignKey(AddForeignKey c) {
        QualifiedName table = c.foreignKey().table();
        QualifiedName referenced = c.foreignKey().referencedTable();
        // CreateIndex on the table itself: MySQL creates an index for a foreign key that has none,
        // which would collide with the index the plan creates for it later.
        List<Change> before = new ArrayList<>(index.onTable(table,
                isA(CreateTable.class, AddColumn.class, AlterColumn.class, CreateIndex.class)));
        before.addAll(index.onTable(referenced,
                isA(CreateTable.class, AddColumn.class, AlterColumn.class, AddConstraint.class, CreateIndex.class,
                        ReplaceIndex.class)));
        before.addAll(index.targeting(c.target(), isA(DropForeignKey.class)));
        return before;
    }

    @Override public List<Change> visitDropForeignKey(DropForeignKey c) { return List.of(); }

    @Override
    public List<Change> visitCreateIndex(CreateIndex c) {
        QualifiedName table = c.index().table();
        List<Change> before = new ArrayList<>(index.onTable(table,
                isA(CreateTable.class, AddColumn.class, AlterColumn.class, DropConstraint.class, DropIndex.class)));
        before.addAll(index.targeting(c.target(), isA(DropIndex.class)));
        before.addAll(index.targeting(ObjectRef.of(ObjectKind.MATERIALIZED_VIEW, table), isA(CreateMaterializedView.class)));
        return before;
    }

    /**
     * A replaced index needs what a new one needs on its table (its columns' new types included: the
     * server rebuilds the old index with a retyped key column, and the new one is built for the new
     * type), and, like a drop, the foreign keys that may rely on the old one gone first. Column drops
     * come after it (a drop ranks last), so the old index stays until the new one is in place.
     */
    @Override
    public List<Change> visitReplaceIndex(ReplaceIndex c) {
        QualifiedName table = c.to().table();
        List<Change> before = new ArrayList<>(index.onTable(table,
                isA(AddColumn.class, AlterColumn.class, DropConstraint.class, DropIndex.class)));
        before.addAll(index.referencing(table, isA(DropForeignKey.class)));
        before.addAll(index.onTable(table, isA(DropForeignKey.class)));
        return before;
    }

    @Override
    public List<Change> visitDropIndex(DropIndex c) {
        // Foreign keys of the table itself first as well: MySQL refuses to drop an index a foreign key uses.
        List<Change> before = new ArrayList<>(index.referencing(c.index().table(), isA(DropForeignKey.class)));
        before.addAll(index.onTable(c.index().table(), isA(DropForeignKey.class)));
        if (c.index().isCopy()) {
            // a copy of the parent's index becomes the table's own (and can be dropped) once it is detached
            before.addAll(index.targeting(ObjectRef.of(ObjectKind.TABLE, c.index().table()),
                    ch -> ch instanceof SetPartitionOf && ((SetPartitionOf) ch).to() == null));
        }
        return before;
    }

    @Override
    public List<Change> visitCreateView(CreateView c) {
        List<Change> before = createdAgain(c, c.view().dependsOn(), DropView.class);
        before.addAll(predecessorOfSameName(c.target().name()));
        return before;
    }

    /**
     * The drop of a relation of another kind with the same name (a table that becomes a view, a view
     * that becomes a table or a materialized view): it must go before its successor is created.
     */
    private List<Change> predecessorOfSameName(QualifiedName name) {
        List<Change> before = new ArrayList<>(index.targeting(ObjectRef.of(ObjectKind.TABLE, name), isA(DropTable.class)));
        before.addAll(index.targeting(ObjectRef.of(ObjectKind.VIEW, name), isA(DropView.class)));
        before.addAll(index.targeting(ObjectRef.of(ObjectKind.MATERIALIZED_VIEW, name), isA(DropMaterializedView.class)));
        return before;
    }

    @Override public List<Change> visitDropView(DropView c) { return dependentsChanged(c.target()); }

    /** After the table exists; before nothing (options never block another change). */
    @Override
    public List<Change> visitAlterTableOptions(AlterTableOptions c) {
        // after the table's new indexes and keys: PostgreSQL's REPLICA IDENTITY USING INDEX names one
        List<Change> before = new ArrayList<>(index.targeting(c.target(), isA(CreateTable.class)));
        before.addAll(index.onTable(c.table(), isA(CreateIndex.class, ReplaceIndex.class, AddConstraint.class)));
        return before;
    }

    /** After the index is built (a new one starts with the server's default targets). */
    @Override
    public List<Change> visitAlterIndexStatistics(AlterIndexStatistics c) {
        List<Change> before = new ArrayList<>(index.targeting(c.target(), isA(CreateIndex.class, ReplaceIndex.class)));
        if (c.index().isCopy()) {
            // a copy's targets are said after what sets them too: its parent's build and targets, its partition
            before.addAll(index.targeting(ObjectRef.of(ObjectKind.INDEX, c.index().parentIndex()),
                    isA(CreateIndex.class, ReplaceIndex.class, AlterIndexStatistics.class)));
            before.addAll(index.targeting(ObjectRef.of(ObjectKind.TABLE, c.index().table()),
                    isA(CreateTable.class, SetPartitionOf.class)));
        }
        return before;
    }

    @Override
    public List<Change> visitSetComment(SetComment c) {
        ObjectRef target = c.object();
        List<Change> before = new ArrayList<>(index.targeting(target, ch -> !(ch instanceof SetComment)));
        if (!target.member().isEmpty()) {
            // The owner of a column may be a table or, for a comment on a view column, a view.
            before.addAll(index.targeting(target.owner(), isA(CreateTable.class)));
            if (target.kind() == ObjectKind.COLUMN) {
                before.addAll(index.targeting(ObjectRef.of(ObjectKind.VIEW, target.name()), isA(CreateView.class)));
            }
        }
        return before;
    }

    /**
     * A routine is created after what it reads (for an SQL-language body, PostgreSQL checks the tables
     * it names when the routine is created) and after the routine it replaces is dropped.
     */
    @Override
    public List<Change> visitCreateRoutine(CreateRoutine c) {
        return without(createdAgain(c, c.routine().dependsOn(), DropRoutine.class), c);
    }

    @Override
    public List<Change> visitReplaceRoutine(ReplaceRoutine c) {
        return without(creatorsOfAll(c.to().dependsOn()), c);
    }

    @Override public List<Change> visitDropRoutine(DropRoutine c) { return dependentsChanged(c.target()); }

    /**
     * A trigger needs its table (and columns), its function and what else it depends on (the trigger a
     * MySQL trigger FOLLOWS), and replaces the trigger it drops.
     */
    @Override
    public List<Change> visitCreateTrigger(CreateTrigger c) {
        QualifiedName table = c.trigger().table();
        List<Change> before = new ArrayList<>(index.onTable(table, isA(CreateTable.class, AddColumn.class, AlterColumn.class)));
        // an INSTEAD OF trigger on a view created (or created again) by the plan
        before.addAll(index.targeting(ObjectRef.of(ObjectKind.VIEW, table), isA(CreateView.class)));
        if (c.trigger().function() != null) {
            before.addAll(index.targeting(c.trigger().function(), isA(CreateRoutine.class, ReplaceRoutine.class)));
        }
        before.addAll(creatorsOfAll(c.trigger().dependsOn()));
        before.addAll(index.targeting(c.target(), isA(DropTrigger.class)));
        return before;
    }

    @Override public List<Change> visitDropTrigger(DropTrigger c) { return List.of(); }
    @Override public List<Change> visitSetTriggerState(SetTriggerState c) { return List.of(); }

    /** A policy needs its table and what its expressions read, and replaces the policy it drops. */
    @Override
    public List<Change> visitCreatePolicy(CreatePolicy c) {
        QualifiedName table = c.policy().table();
        List<Change> before = new ArrayList<>(index.onTable(table, isA(CreateTable.class, AddColumn.class, AlterColumn.class)));
        before.addAll(creatorsOfAll(c.policy().dependsOn()));
        before.addAll(index.targeting(c.target(), isA(DropPolicy.class)));
        return before;
    }

    @Override public List<Change> visitDropPolicy(DropPolicy c) { return List.of(); }

    @Override
    public List<Change> visitSetRowSecurity(SetRowSecurity c) {
        return index.targeting(c.target(), isA(CreateTable.class));
    }

    @Override
    public List<Change> visitCreateDomain(CreateDomain c) {
        return createdAgain(c, c.domain().dependsOn(), DropDomain.class);
    }

    @Override public List<Change> visitAlterDomain(AlterDomain c) { return creatorsOfAll(c.to().dependsOn()); }
    @Override public List<Change> visitDropDomain(DropDomain c) { return dependentsChanged(c.target()); }

    @Override
    public List<Change> visitCreateCompositeType(CreateCompositeType c) {
        return createdAgain(c, c.type().dependsOn(), DropCompositeType.class);
    }

    @Override
    public List<Change> visitAlterCompositeType(AlterCompositeType c) {
        return creatorsOfAll(c.to().dependsOn());
    }

    @Override public List<Change> visitDropCompositeType(DropCompositeType c) { return dependentsChanged(c.target()); }
    @Override public List<Change> visitCreateExtension(CreateExtension c) { return schemaOf(c); }
    @Override public List<Change> visitAlterExtension(AlterExtension c) { return schemaOf(c); }

    /** Objects that use an extension's types are not tracked one by one: its rank puts it after their drops. */
    @Override public List<Change> visitDropExtension(DropExtension c) { return List.of(); }

    @Override
    public List<Change> visitCreateMaterializedView(CreateMaterializedView c) {
        List<Change> before = createdAgain(c, c.view().dependsOn(), DropMaterializedView.class);
        before.addAll(predecessorOfSameName(c.target().name()));
        return without(before, c);
    }

    /** After what reads it is dropped or changed, and after its indexes that the plan drops on their own. */
    @Override
    public List<Change> visitDropMaterializedView(DropMaterializedView c) {
        List<Change> before = new ArrayList<>(dependentsChanged(c.target()));
        before.addAll(index.onTable(c.view().name(), isA(DropIndex.class)));
        return before;
    }

    /** After the table exists and the new parent has its columns and keys (ATTACH checks them). */
    @Override
    public List<Change> visitSetPartitionOf(SetPartitionOf c) {
        List<Change> before = new ArrayList<>(index.targeting(c.target(), isA(CreateTable.class)));
        if (c.to() != null && c.from() == null) {
            // a table is attached once its columns match the parent's
            before.addAll(index.onTable(c.table(), isA(AddColumn.class, AlterColumn.class, DropColumn.class)));
        }
        if (c.to() != null) {
            before.addAll(index.onTable(c.to().parent(), isA(CreateTable.class, AddColumn.class, AlterColumn.class,
                    AddConstraint.class)));
            // ATTACH attaches a matching index of the table to the parent's, after which it cannot be dropped
            before.addAll(index.onTable(c.table(), isA(DropIndex.class)));
        }
        return before;
    }

    /**
     * Detaches that must come before a column of {@code table} changes: the table's own, when it stops
     * being a partition (its columns become its own only then), and those of its partitions that leave
     * it (or the change would reach them too).
     */
    private List<Change> detachOf(QualifiedName table) {
        List<Change> before = new ArrayList<>(index.targeting(ObjectRef.of(ObjectKind.TABLE, table),
                ch -> ch instanceof SetPartitionOf && ((SetPartitionOf) ch).to() == null));
        for (ObjectRef partition : index.currentPartitionsOf(table)) {
            before.addAll(index.targeting(partition, ch -> ch instanceof SetPartitionOf
                    && (((SetPartitionOf) ch).to() == null || !((SetPartitionOf) ch).to().parent().equals(table))));
        }
        return before;
    }

    private static List<Change> without(List<Change> changes, Change self) {
        return changes.stream().filter(other -> other != self).toList();
    }

    private List<Change> schemaOf(Change c) {
        return index.targeting(ObjectRef.schema(c.target().name().schema()), isA(CreateSchema.class));
    }

    /**
     * What an object created in a schema waits for: its schema, what it needs, and the drop of the
     * object it replaces (one of the same name dropped by the plan).
     */
    private List<Change> createdAgain(Change c, Collection<ObjectRef> needs, Class<? extends Change> drop) {
        List<Change> before = new ArrayList<>(schemaOf(c));
        before.addAll(creatorsOfAll(needs));
        before.addAll(index.targeting(c.target(), isA(drop)));
        return before;
    }

    private List<Change> creatorsOfAll(Collection<ObjectRef> needs) {
        List<Change> creators = new ArrayList<>();
        needs.forEach(need -> creators.addAll(creatorsOf(need)));
        return creators;
    }

    /** The changes that create or extend an object something else needs. */
    List<Change> creatorsOf(ObjectRef ref) {
        if (ref.kind() == ObjectKind.TABLE) {
            return index.onTable(ref.name(), isA(CreateTable.class, AddColumn.class, AlterColumn.class));
        }
        if (ref.kind() == ObjectKind.COLUMN) {
            return creatorsOfColumn(ref);
        }
        return index.targeting(ref, isCreate().or(isA(AddEnumValue.class, AlterSequence.class, ReplaceRoutine.class,
                RecreateEnum.class)));
    }

    private List<Change> creatorsOfColumn(ObjectRef column) {
        List<Change> creators = new ArrayList<>(index.targeting(column.owner(), isA(CreateTable.class)));
        creators.addAll(index.targeting(column, isA(AddColumn.class, AlterColumn.class)));
        return creators;
    }

    /** Every change to an object that currently depends on {@code ref}, and the drop of the table it lives in. */
    private List<Change> dependentsChanged(ObjectRef ref) {
        List<Change> before = new ArrayList<>();
        for (ObjectRef dependent : index.currentDependentsOf(ref)) {
            // a released column lets go of the object before it is dropped, and takes it back after
            List<Change> released = index.targeting(dependent, isA(ReleaseColumn.class));
            before.addAll(released.isEmpty() ? index.targeting(dependent, isDrop().or(isA(AlterColumn.class))) : released);
            if (!dependent.member().isEmpty()) {
                // a column, trigger or policy that goes with its table
                before.addAll(index.targeting(dependent.owner(), isA(DropTable.class)));
            }
            if (dependent.kind() == ObjectKind.COLUMN) {
                // a check on the column's table may be what uses the object
                before.addAll(index.onTable(dependent.name(), isA(DropConstraint.class)));
            }
        }
        return before;
    }

    /**
     * Drops of what currently reads the column itself (a routine with an SQL-standard body, a view):
     * PostgreSQL refuses to change its type or drop it while they exist.
     */
    private List<Change> readersOfColumnDropped(ObjectRef column) {
        List<Change> before = new ArrayList<>();
        for (ObjectRef dependent : index.currentDependentsOf(column)) {
            before.addAll(index.targeting(dependent, isA(DropView.class, DropMaterializedView.class, DropRoutine.class)));
        }
        return before;
    }

    /** Drops of views that currently read the table: they must go before its columns change. */
    private List<Change> viewsReadingDropped(QualifiedName table) {
        List<Change> before = new ArrayList<>();
        for (ObjectRef dependent : index.currentDependentsOf(ObjectRef.of(ObjectKind.TABLE, table))) {
            before.addAll(index.targeting(dependent, isA(DropView.class, DropMaterializedView.class)));
        }
        return before;
    }

    /**
     * Sequences that a column of the table owns now and that move to another owner: re-own them
     * first, or dropping the column would drop them too. {@code column} null means any column.
     */
    private List<Change> sequenceOwnersMovedAwayFrom(QualifiedName table, String column) {
        List<Change> before = new ArrayList<>();
        for (ObjectRef sequence : index.currentSequencesOwnedBy(table, column)) {
            before.addAll(index.targeting(sequence, isA(SetSequenceOwner.class)));
        }
        return before;
    }

    /** After everything else done to the object (created, replaced, its column added or changed). */
    @Override public List<Change> visitGrantPrivileges(GrantPrivileges c) { return afterObject(c.target()); }
    @Override public List<Change> visitRevokePrivileges(RevokePrivileges c) { return afterObject(c.target()); }

    private List<Change> afterObject(ObjectRef target) {
        List<Change> before = new ArrayList<>(index.targeting(target,
                ch -> !(ch instanceof GrantPrivileges || ch instanceof RevokePrivileges || ch instanceof SetComment)));
        if (target.kind() == ObjectKind.COLUMN) {
            // a column privilege may be on a table's or a view's column
            before.addAll(index.targeting(target.owner(), isA(CreateTable.class)));
            before.addAll(index.targeting(ObjectRef.of(ObjectKind.VIEW, target.name()), isA(CreateView.class)));
            before.addAll(index.targeting(ObjectRef.of(ObjectKind.MATERIALIZED_VIEW, target.name()),
                    isA(CreateMaterializedView.class)));
        }
        return before;
    }

    /**
     * After every change to what uses the type now (views and policies over it or its columns are
     * dropped, columns moved to another type are changed) and before what is created over it again.
     */
    @Override
    public List<Change> visitRecreateEnum(RecreateEnum c) {
        // A column it converts is changed otherwise (a new default) after it, on the new type.
        java.util.Set<ObjectRef> converted = new java.util.HashSet<>();
        c.columns().forEach(column -> converted.add(column.ref()));
        List<Change> before = new ArrayList<>(dependentsChanged(c.target()).stream()
                .filter(ch -> !converted.contains(ch.target())).toList());
        for (RecreateEnum.ColumnUse column : c.columns()) {
            before.addAll(viewsReadingDropped(column.table()));
            before.addAll(index.onTable(column.table(), isA(DropPolicy.class)));
        }
        return before;
    }

    @Override
    public List<Change> visitCreateCollation(CreateCollation c) {
        List<Change> before = new ArrayList<>(schemaOf(c));
        before.addAll(index.targeting(c.target(), isA(DropCollation.class)));
        return before;
    }

    /** After the columns that use it now are changed or dropped. */
    @Override public List<Change> visitDropCollation(DropCollation c) { return dependentsChanged(c.target()); }

    /** After its schema, what it needs, and its own drop when it is replaced. */
    @Override
    public List<Change> visitCreateCatalogObject(CreateCatalogObject c) {
        List<Change> before = createdAgain(c, c.object().dependsOn(), DropCatalogObject.class);
        if (!c.target().member().isEmpty()) {
            // a rule on a table or view
            before.addAll(index.targeting(c.target().owner(), isA(CreateTable.class)));
            before.addAll(index.targeting(ObjectRef.of(ObjectKind.VIEW, c.target().name()), isA(CreateView.class)));
        }
        return before;
    }

    /** After what uses it now is changed or dropped. */
    @Override public List<Change> visitDropCatalogObject(DropCatalogObject c) { return dependentsChanged(c.target()); }
}
