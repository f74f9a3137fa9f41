package dev.converge.engine.graph;

import dev.converge.engine.change.*;

/**
 * ChangeRank breaks ties in the topological order: among steps whose dependencies are all done, the
 * lower rank runs first. Drops of views and keys come early (they unblock the changes beneath them),
 * creations follow in the natural order a person would write them, and drops of tables, columns and
 * types come last, after every reversible step.
 */
final class ChangeRank implements ChangeVisitor<Integer> {
    static int of(Change change) {
        return change.accept(new ChangeRank());
    }

    // A rename changes no definition; everything after it is planned against the new name.
    @Override public Integer visitRename(Rename c) { return -1; }
    @Override public Integer visitDropView(DropView c) { return 0; }
    @Override public Integer visitDropMaterializedView(DropMaterializedView c) { return 0; }
    @Override public Integer visitDropTrigger(DropTrigger c) { return 0; }
    @Override public Integer visitDropPolicy(DropPolicy c) { return 0; }
    @Override public Integer visitDropRoutine(DropRoutine c) { return 4; }
    @Override public Integer visitDropForeignKey(DropForeignKey c) { return 1; }
    @Override public Integer visitDropIndex(DropIndex c) { return 2; }
    @Override public Integer visitDropConstraint(DropConstraint c) { return 3; }
    @Override public Integer visitReleaseColumn(ReleaseColumn c) { return 3; }
    @Override public Integer visitCreateSchema(CreateSchema c) { return 10; }
    @Override public Integer visitCreateExtension(CreateExtension c) { return 10; }
    @Override public Integer visitAlterExtension(AlterExtension c) { return 10; }
    @Override public Integer visitCreateEnum(CreateEnum c) { return 11; }
    @Override public Integer visitCreateDomain(CreateDomain c) { return 12; }
    @Override public Integer visitAlterDomain(AlterDomain c) { return 12; }
    @Override public Integer visitCreateCompositeType(CreateCompositeType c) { return 12; }
    @Override public Integer visitAlterCompositeType(AlterCompositeType c) { return 12; }
    @Override public Integer visitAddEnumValue(AddEnumValue c) { return 12; }
    @Override public Integer visitCreateSequence(CreateSequence c) { return 13; }
    @Override public Integer visitAlterSequence(AlterSequence c) { return 14; }
    @Override public Integer visitCreateRoutine(CreateRoutine c) { return 15; }
    @Override public Integer visitReplaceRoutine(ReplaceRoutine c) { return 16; }
    @Override public Integer visitCreateTable(CreateTable c) { return 20; }
    @Override public Integer visitAddColumn(AddColumn c) { return 21; }
    @Override public Integer visitAlterColumn(AlterColumn c) { return 22; }
    @Override public Integer visitAddConstraint(AddConstraint c) { return 23; }
    @Override public Integer visitCreateIndex(CreateIndex c) { return 24; }
    @Override public Integer visitReplaceIndex(ReplaceIndex c) { return 24; }
    @Override public Integer visitAddForeignKey(AddForeignKey c) { return 25; }
    @Override public Integer visitSetSequenceOwner(SetSequenceOwner c) { return 26; }
    @Override public Integer visitSetPartitionOf(SetPartitionOf c) { return 27; }
    @Override public Integer visitCreateView(CreateView c) { return 30; }
    @Override public Integer visitCreateMaterializedView(CreateMaterializedView c) { return 30; }
    @Override public Integer visitCreateTrigger(CreateTrigger c) { return 31; }
    @Override public Integer visitSetTriggerState(SetTriggerState c) { return 32; }
    @Override public Integer visitSetRowSecurity(SetRowSecurity c) { return 33; }
    @Override public Integer visitCreatePolicy(CreatePolicy c) { return 34; }
    @Override public Integer visitSetComment(SetComment c) { return 40; }
    @Override public Integer visitAlterTableOptions(AlterTableOptions c) { return 40; }
    @Override public Integer visitAlterIndexStatistics(AlterIndexStatistics c) { return 40; }
    @Override public Integer visitDropColumn(DropColumn c) { return 50; }
    @Override public Integer visitDropTable(DropTable c) { return 51; }
    @Override public Integer visitDropSequence(DropSequence c) { return 52; }
    @Override public Integer visitDropEnum(DropEnum c) { return 53; }
    @Override public Integer visitDropDomain(DropDomain c) { return 53; }
    @Override public Integer visitDropCompositeType(DropCompositeType c) { return 53; }
    @Override public Integer visitDropExtension(DropExtension c) { return 53; }
    @Override public Integer visitDropSchema(DropSchema c) { return 54; }
    @Override public Integer visitGrantPrivileges(GrantPrivileges c) { return 41; }
    @Override public Integer visitRevokePrivileges(RevokePrivileges c) { return 41; }
    @Override public Integer visitRecreateEnum(RecreateEnum c) { return 22; }
    @Override public Integer visitRebuildTable(RebuildTable c) { return 20; }
    @Override public Integer visitCreateCollation(CreateCollation c) { return 11; }
    @Override public Integer visitDropCollation(DropCollation c) { return 53; }
    // after the routines they name, before tables; rules and statistics objects wait for their tables anyway
    @Override public Integer visitCreateCatalogObject(CreateCatalogObject c) { return 17; }
    @Override public Integer visitDropCatalogObject(DropCatalogObject c) { return 4; }
}
