package dev.converge.dialect.mysql.safety;

import dev.converge.dialect.mysql.sql.ColumnType;
import dev.converge.engine.model.Column;

/** ColumnTypes reads the parts of a MySQL column type the classifier compares. */
final class ColumnTypes {
    private ColumnTypes() {
    }

    static String head(Column column) {
        return ColumnType.of(column.type()).head();
    }

    static String tail(Column column) {
        return ColumnType.of(column.type()).tail();
    }
}
