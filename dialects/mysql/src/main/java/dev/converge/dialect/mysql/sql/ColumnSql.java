package dev.converge.dialect.mysql.sql;

import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.Identity;

/**
 * ColumnSql writes a full MySQL column definition, as CREATE TABLE, ADD COLUMN and MODIFY COLUMN take
 * it: name, type, collation, generation, nullability (always explicit: a TIMESTAMP column is NOT NULL
 * unless told otherwise on some servers), default, AUTO_INCREMENT, then the attributes the inspector
 * keeps in the type's tail (ON UPDATE, INVISIBLE, CHECK, COMMENT).
 */
public final class ColumnSql {
    private ColumnSql() {
    }

    public static String definition(Column column) {
        ColumnType type = ColumnType.of(column.type());
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(type.head());
        if (column.collation() != null) {
            sql.append(" COLLATE ").append(column.collation());
        }
        if (column.generatedExpression() != null) {
            sql.append(" GENERATED ALWAYS AS ").append(column.generatedExpression());
        } else {
            sql.append(column.notNull() ? " NOT NULL" : " NULL");
            if (column.defaultExpression() != null) {
                sql.append(" DEFAULT ").append(column.defaultExpression());
            }
            if (column.identity() != Identity.NONE) {
                sql.append(" AUTO_INCREMENT");
            }
        }
        return sql.append(type.tail()).toString();
    }
}
