package dev.converge.engine.change;

/**
 * Creation is a change that brings an object (or a member of a table) into being: the family is what
 * makes its {@link Action}, so no kind states it again.
 */
public sealed interface Creation extends Change permits
        AddColumn, AddConstraint, AddForeignKey, CreateCatalogObject, CreateCollation, CreateCompositeType,
        CreateDomain, CreateEnum, CreateExtension, CreateIndex, CreateMaterializedView, CreatePolicy, CreateRoutine,
        CreateSchema, CreateSequence, CreateTable, CreateTrigger, CreateView {
    @Override
    default Action action() {
        return Action.CREATE;
    }
}
