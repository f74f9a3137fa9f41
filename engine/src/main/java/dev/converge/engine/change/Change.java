package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;

/**
 * Change is one difference between the current and the desired schema, as one record per kind.
 * The hierarchy is sealed and dispatched with {@link ChangeVisitor}, so adding a kind breaks every
 * dialect at compile time instead of at run time.
 */
public sealed interface Change permits
        AddColumn, AddConstraint, AddEnumValue, AddForeignKey, AlterColumn, AlterSequence, AlterTableOptions,
        CreateEnum, CreateIndex, CreateSchema, CreateSequence, CreateTable, CreateView, DropColumn,
        DropConstraint, DropEnum, DropForeignKey, DropIndex, DropSchema, DropSequence, DropTable,
        DropView, Rename, SetComment, SetSequenceOwner,
        CreateRoutine, ReplaceRoutine, DropRoutine, CreateTrigger, DropTrigger, SetTriggerState, CreatePolicy,
        DropPolicy, SetRowSecurity, CreateDomain, AlterDomain, DropDomain, CreateCompositeType, AlterCompositeType,
        DropCompositeType, CreateExtension, AlterExtension, DropExtension, CreateMaterializedView,
        DropMaterializedView, SetPartitionOf, ReplaceIndex, ReleaseColumn,
        GrantPrivileges, RevokePrivileges, RecreateEnum, CreateCollation, DropCollation,
        CreateCatalogObject, DropCatalogObject, AlterIndexStatistics, RebuildTable {
    /** The object this change creates, alters or drops. */
    ObjectRef target();

    Action action();

    <R> R accept(ChangeVisitor<R> visitor);
}
