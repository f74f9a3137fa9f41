package dev.converge.dialect.mysql.safety;

import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CurrentTables looks up the target's tables by name. The classifier is asked once per change with the
 * same current model, so the last model's map is kept (by identity) rather than built for every change.
 */
final class CurrentTables {
    private record Cached(SchemaModel model, Map<QualifiedName, Table> tables) {
    }

    private static volatile Cached last;

    private CurrentTables() {
    }

    static Map<QualifiedName, Table> of(SchemaModel current) {
        Cached cached = last;
        if (cached == null || cached.model() != current) {
            cached = new Cached(current, current.tables().stream()
                    .collect(Collectors.toMap(Table::name, Function.identity(), (a, b) -> a)));
            last = cached;
        }
        return cached.tables();
    }
}
