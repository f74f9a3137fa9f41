package dev.converge.engine.change;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import java.util.Set;

/**
 * ReleaseColumn alters a column for a while so that it stops using an object the plan drops and
 * creates again ({@code released}: a routine its default calls, a domain it is typed with), which
 * PostgreSQL refuses to drop while the column uses it. {@code to} is the column without it (no
 * default; the domain's base type); the {@link AlterColumn} from {@code to} to the desired column
 * runs after the object is created again. {@code kinds} says what differs between {@code from} and
 * {@code to}, as for AlterColumn.
 */
public record ReleaseColumn(QualifiedName table, Column from, Column to, Set<ColumnChangeKind> kinds,
                            ObjectRef released) implements Alteration {
    public ReleaseColumn {
        requireNonNull(table, "table is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(released, "released is null");
        kinds = Set.copyOf(kinds);
    }

    /** The same alteration as an {@link AlterColumn}, for generators and classifiers. */
    public AlterColumn asAlterColumn() {
        return new AlterColumn(table, from, to, kinds);
    }

    @Override
    public ObjectRef target() {
        return ObjectRef.member(ObjectKind.COLUMN, table, from.name());
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitReleaseColumn(this);
    }
}
