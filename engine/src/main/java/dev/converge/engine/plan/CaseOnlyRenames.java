package dev.converge.engine.plan;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.source.RenameAnnotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CaseOnlyRenames finds, for a server whose column names are case-insensitive (MySQL), the columns
 * whose name changes only in case ({@code Name} to {@code name}): to the server they are one column,
 * so dropping one and adding the other would fail (the name is taken) or lose its values. They become
 * renames, as if annotated {@code converge:renamed-from}, and {@link Renames} plans them like any
 * other.
 */
final class CaseOnlyRenames {
    private CaseOnlyRenames() {
    }

    static List<RenameAnnotation> of(SchemaModel current, SchemaModel desired) {
        Map<Object, Table> currentTables = current.tables().stream()
                .collect(Collectors.toMap(Table::name, Function.identity()));
        List<RenameAnnotation> renames = new ArrayList<>();
        for (Table wanted : desired.tables()) {
            Table have = currentTables.get(wanted.name());
            if (have == null) {
                continue;
            }
            for (Column column : wanted.columns()) {
                if (have.column(column.name()).isPresent()) {
                    continue;
                }
                have.columns().stream()
                        .filter(c -> c.name().toLowerCase(Locale.ROOT).equals(column.name().toLowerCase(Locale.ROOT)))
                        .filter(c -> wanted.column(c.name()).isEmpty())
                        .findFirst()
                        .ifPresent(c -> renames.add(new RenameAnnotation(
                                ObjectRef.member(ObjectKind.COLUMN, wanted.name(), column.name()), c.name(),
                                "column names are case-insensitive")));
            }
        }
        return renames;
    }
}
