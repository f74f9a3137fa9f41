package dev.converge.engine.change;

/**
 * Alteration is a change that keeps an object but alters it (replacing or rebuilding it counts: the
 * object is there before and after): the family is what makes its {@link Action}, so no kind states it
 * again.
 */
public sealed interface Alteration extends Change permits
        AddEnumValue, AlterColumn, AlterIndexStatistics, RecreateEnum, ReleaseColumn, Rename, ReplaceIndex,
        SetSequenceOwner, TableAlteration, ObjectAlteration, Transition {
    @Override
    default Action action() {
        return Action.ALTER;
    }
}
