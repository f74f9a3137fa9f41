package dev.converge.engine.change;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import java.util.EnumSet;
import java.util.Set;

/**
 * AlterColumn changes a column in place; {@code kinds} says what differs between {@code from} and
 * {@code to}, so generators and the safety classifier need not compare the columns again.
 *
 * @param after with {@link ColumnChangeKind#POSITION}: the column this one moves after, "" when it
 *              moves first; null when it stays where it is
 */
public record AlterColumn(QualifiedName table, Column from, Column to, Set<ColumnChangeKind> kinds,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String after) implements Alteration {
    /** A change that leaves the column where it is. */
    public AlterColumn(QualifiedName table, Column from, Column to, Set<ColumnChangeKind> kinds) {
        this(table, from, to, kinds, null);
    }

    public AlterColumn {
        requireNonNull(table, "table is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("an AlterColumn must change something");
        }
        kinds = Set.copyOf(EnumSet.copyOf(kinds));
    }

    @Override
    public ObjectRef target() {
        return ObjectRef.member(ObjectKind.COLUMN, table, to.name());
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterColumn(this);
    }
}
