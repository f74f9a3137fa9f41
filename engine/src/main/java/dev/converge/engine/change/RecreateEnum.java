package dev.converge.engine.change;

import dev.converge.engine.model.EnumType;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import java.util.List;

/**
 * RecreateEnum gives an enum type labels that PostgreSQL cannot change in place (a label removed, or
 * existing labels in another order): the type is renamed out of the way, created again with the
 * desired labels, every column that uses it is converted through text ({@code USING c::text::t}, a
 * rewrite of its table), and the old type is dropped. Planned only where the project allows it
 * explicitly ({@code -- converge:allow TABLE_REWRITE} on the type's declaration).
 *
 * @param columns the columns of existing tables that use the type (or an array of it), in the target
 */
public record RecreateEnum(EnumType from, EnumType to, List<ColumnUse> columns) implements Alteration {
    /**
     * One column converted to the new type.
     *
     * @param array          the column is an array of the type
     * @param hadDefault     the column has a default now (it is dropped before the conversion: a
     *                       default of the old type cannot be cast to the new one)
     * @param desiredDefault the default to set again afterwards, or null
     */
    public record ColumnUse(QualifiedName table, String column, boolean array, boolean hadDefault,
                            String desiredDefault) {
        public ObjectRef ref() {
            return ObjectRef.member(ObjectKind.COLUMN, table, column);
        }
    }

    public RecreateEnum {
        columns = List.copyOf(columns);
    }

    /** Labels of the old type that the new one lacks: values still using them make the conversion fail. */
    public List<String> removedLabels() {
        return from.labels().stream().filter(l -> !to.labels().contains(l)).toList();
    }

    @Override
    public ObjectRef target() {
        return to.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitRecreateEnum(this);
    }
}
