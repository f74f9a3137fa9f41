package dev.converge.engine.change;

/**
 * Removal is a change that drops an object (or a member of a table): the family is what makes its
 * {@link Action}, so no kind states it again.
 */
public sealed interface Removal extends Change permits
        DropCatalogObject, DropCollation, DropColumn, DropCompositeType, DropConstraint, DropDomain, DropEnum,
        DropExtension, DropForeignKey, DropIndex, DropMaterializedView, DropPolicy, DropRoutine, DropSchema,
        DropSequence, DropTable, DropTrigger, DropView {
    @Override
    default Action action() {
        return Action.DROP;
    }
}
