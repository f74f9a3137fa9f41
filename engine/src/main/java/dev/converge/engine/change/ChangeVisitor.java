package dev.converge.engine.change;

/** ChangeVisitor has one method per kind of {@link Change} and no defaults: a new kind must be handled everywhere. */
public interface ChangeVisitor<R> {
    R visitAddColumn(AddColumn change);

    R visitAddConstraint(AddConstraint change);

    R visitAddEnumValue(AddEnumValue change);

    R visitAddForeignKey(AddForeignKey change);

    R visitAlterColumn(AlterColumn change);

    R visitReleaseColumn(ReleaseColumn change);

    R visitAlterSequence(AlterSequence change);

    R visitAlterTableOptions(AlterTableOptions change);

    R visitCreateEnum(CreateEnum change);

    R visitCreateIndex(CreateIndex change);

    R visitCreateSchema(CreateSchema change);

    R visitCreateSequence(CreateSequence change);

    R visitCreateTable(CreateTable change);

    R visitCreateView(CreateView change);

    R visitDropColumn(DropColumn change);

    R visitDropConstraint(DropConstraint change);

    R visitDropEnum(DropEnum change);

    R visitDropForeignKey(DropForeignKey change);

    R visitDropIndex(DropIndex change);

    R visitDropSchema(DropSchema change);

    R visitDropSequence(DropSequence change);

    R visitDropTable(DropTable change);

    R visitDropView(DropView change);

    R visitRename(Rename change);

    R visitSetComment(SetComment change);

    R visitSetSequenceOwner(SetSequenceOwner change);

    R visitCreateRoutine(CreateRoutine change);

    R visitReplaceRoutine(ReplaceRoutine change);

    R visitDropRoutine(DropRoutine change);

    R visitCreateTrigger(CreateTrigger change);

    R visitDropTrigger(DropTrigger change);

    R visitSetTriggerState(SetTriggerState change);

    R visitCreatePolicy(CreatePolicy change);

    R visitDropPolicy(DropPolicy change);

    R visitSetRowSecurity(SetRowSecurity change);

    R visitCreateDomain(CreateDomain change);

    R visitAlterDomain(AlterDomain change);

    R visitDropDomain(DropDomain change);

    R visitCreateCompositeType(CreateCompositeType change);

    R visitAlterCompositeType(AlterCompositeType change);

    R visitDropCompositeType(DropCompositeType change);

    R visitCreateExtension(CreateExtension change);

    R visitAlterExtension(AlterExtension change);

    R visitDropExtension(DropExtension change);

    R visitCreateMaterializedView(CreateMaterializedView change);

    R visitDropMaterializedView(DropMaterializedView change);

    R visitSetPartitionOf(SetPartitionOf change);

    R visitReplaceIndex(ReplaceIndex change);

    R visitGrantPrivileges(GrantPrivileges change);

    R visitRevokePrivileges(RevokePrivileges change);

    R visitRecreateEnum(RecreateEnum change);

    R visitCreateCollation(CreateCollation change);

    R visitDropCollation(DropCollation change);

    R visitCreateCatalogObject(CreateCatalogObject change);

    R visitDropCatalogObject(DropCatalogObject change);

    R visitAlterIndexStatistics(AlterIndexStatistics change);

    R visitRebuildTable(RebuildTable change);
}
