package dev.converge.dialect.mysql.sql;

import dev.converge.engine.model.Index;
import dev.converge.engine.model.QualifiedName;

/**
 * IndexNames maps between MySQL's index names, which are unique per table, and the engine's, which
 * are unique per schema: in the model an index is named {@code table.index} (so two tables may both
 * have an index {@code idx_created}, as MySQL allows), and the real name is that minus the table's.
 */
public final class IndexNames {
    private IndexNames() {
    }

    public static QualifiedName modelName(QualifiedName table, String index) {
        return QualifiedName.of(table.schema(), table.name() + "." + index);
    }

    /** The index's name as the server knows it. */
    public static String serverName(Index index) {
        String prefix = index.table().name() + ".";
        String name = index.name().name();
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }
}
