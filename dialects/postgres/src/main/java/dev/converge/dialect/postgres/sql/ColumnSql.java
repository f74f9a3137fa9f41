package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ColumnSettings;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * ColumnSql writes ADD / DROP / ALTER COLUMN.
 *
 * <p>An AlterColumn becomes one ALTER TABLE statement per sub-action, not one statement with
 * comma-separated actions. PostgreSQL runs the actions of one ALTER TABLE in its own fixed internal
 * passes, not in the written order, so a combined statement would print an order that is not the
 * one executed; separate statements run exactly in the order shown, and a failure names the one
 * sub-action that failed. The cost is a second scan when both the type and NOT NULL change.
 */
final class ColumnSql {
    private ColumnSql() {
    }

    /** ADD COLUMN, then the column's physical settings, which a column definition cannot hold before PostgreSQL 16. */
    static List<String> add(AddColumn change) {
        List<String> sql = new ArrayList<>();
        sql.add("ALTER TABLE " + quote(change.table()) + " ADD COLUMN " + TableSql.columnDefinition(change.column()));
        sql.addAll(settings(change.table(), change.column()));
        return sql;
    }

    /**
     * {@code SET STORAGE}, {@code SET STATISTICS} and {@code SET COMPRESSION} for what a new column sets;
     * nothing for a column without settings.
     */
    static List<String> settings(QualifiedName table, Column column) {
        return settingChanges(table, column.name(), null, column.settings(), false);
    }

    /**
     * The statements that take a column from one set of physical settings to another. A setting that
     * goes returns to the default: the type's own storage strategy, statistics target -1. A type
     * change gives the column its new type's storage strategy, so after one the storage is set again
     * whenever it is not that default.
     */
    private static List<String> settingChanges(QualifiedName table, String column, ColumnSettings from,
                                               ColumnSettings to, boolean retyped) {
        String prefix = "ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(column) + " ";
        String fromStorage = from == null ? null : from.storage();
        String toStorage = to == null ? null : to.storage();
        List<String> sql = new ArrayList<>();
        if (toStorage != null && (retyped || !toStorage.equals(fromStorage))) {
            sql.add(prefix + "SET STORAGE " + toStorage);
        } else if (toStorage == null && fromStorage != null && !retyped) {
            sql.add(prefix + "SET STORAGE " + from.typeStorage());
        }
        Integer fromStatistics = from == null ? null : from.statistics();
        Integer toStatistics = to == null ? null : to.statistics();
        if (!Objects.equals(fromStatistics, toStatistics)) {
            sql.add(prefix + "SET STATISTICS " + (toStatistics == null ? -1 : toStatistics));
        }
        String fromCompression = from == null ? null : from.compression();
        String toCompression = to == null ? null : to.compression();
        if (!Objects.equals(fromCompression, toCompression)) {
            // only values stored from now on are compressed the new way: no rewrite
            sql.add(prefix + "SET COMPRESSION " + (toCompression == null ? "DEFAULT" : toCompression));
        }
        return sql;
    }

    static String drop(DropColumn change) {
        return "ALTER TABLE " + quote(change.table()) + " DROP COLUMN " + quote(change.column().name());
    }

    static List<String> alter(AlterColumn change) {
        Column from = change.from();
        Column to = change.to();
        if (!Objects.equals(from.generatedExpression(), to.generatedExpression())) {
            throw new IllegalArgumentException("column " + change.table() + "." + to.name()
                    + ": a changed generation expression must be planned as drop and re-add, not AlterColumn");
        }
        Set<ColumnChangeKind> kinds = change.kinds();
        String prefix = "ALTER TABLE " + quote(change.table()) + " ALTER COLUMN " + quote(to.name()) + " ";
        boolean retype = kinds.contains(ColumnChangeKind.TYPE) || kinds.contains(ColumnChangeKind.COLLATION);
        boolean identityChange = kinds.contains(ColumnChangeKind.IDENTITY);
        boolean addIdentity = identityChange && from.identity() == Identity.NONE && to.identity() != Identity.NONE;
        boolean dropIdentity = identityChange && from.identity() != Identity.NONE && to.identity() == Identity.NONE;
        boolean notNullChange = kinds.contains(ColumnChangeKind.NOT_NULL);
        boolean defaultChange = kinds.contains(ColumnChangeKind.DEFAULT);

        List<String> sql = new ArrayList<>();
        // The old default goes first: it may not cast to the new type, and an identity cannot be added
        // to a column that has a default.
        boolean dropDefault = from.defaultExpression() != null
                && (retype || addIdentity || (defaultChange && to.defaultExpression() == null));
        if (dropDefault) {
            sql.add(prefix + "DROP DEFAULT");
        }
        // An identity is dropped before a type change, which may leave the integer types.
        if (dropIdentity) {
            sql.add(prefix + "DROP IDENTITY");
        }
        if (retype) {
            sql.add(prefix + typeClause(from, to));
        }
        // ADD ... AS IDENTITY requires the column to be NOT NULL already.
        boolean setNotNullEarly = addIdentity && notNullChange && to.notNull();
        if (setNotNullEarly) {
            sql.add(prefix + "SET NOT NULL");
        }
        if (addIdentity) {
            sql.add(prefix + "ADD GENERATED " + to.identity().sql() + " AS IDENTITY" + IdentitySql.clause(to));
        } else if (identityChange && !dropIdentity && from.identity() != to.identity()) {
            sql.add(prefix + "SET GENERATED " + to.identity().sql());
        }
        if (kinds.contains(ColumnChangeKind.IDENTITY_OPTIONS) && !addIdentity && !dropIdentity) {
            List<String> sets = IdentitySql.setClauses(from, to);
            if (!sets.isEmpty()) {
                sql.add(prefix + String.join(" ", sets));
            }
        }
        boolean setDefault = to.defaultExpression() != null && to.identity() == Identity.NONE
                && (dropDefault || (defaultChange && !to.defaultExpression().equals(from.defaultExpression())));
        if (setDefault) {
            sql.add(prefix + "SET DEFAULT " + to.defaultExpression());
        }
        if (notNullChange && !setNotNullEarly) {
            sql.add(prefix + (to.notNull() ? "SET NOT NULL" : "DROP NOT NULL"));
        }
        if (kinds.contains(ColumnChangeKind.SETTINGS) || retype && to.settings() != null) {
            sql.addAll(settingChanges(change.table(), to.name(), from.settings(), to.settings(), retype));
        }
        return List.copyOf(sql);
    }

    /**
     * {@code TYPE t [COLLATE c] [USING "c"::t]}. USING is written only when PostgreSQL has no
     * assignment cast between the types: the explicit cast in USING would silently truncate strings
     * that the assignment cast rejects.
     */
    private static String typeClause(Column from, Column to) {
        StringBuilder sql = new StringBuilder("TYPE ").append(to.type());
        if (to.collation() != null) {
            sql.append(" COLLATE ").append(to.collation());
        }
        if (!PostgresType.hasAssignmentCast(PostgresType.parse(from.type()), PostgresType.parse(to.type()))) {
            sql.append(" USING ").append(quote(to.name())).append(viaText(from)).append("::").append(to.type());
        }
        return sql.toString();
    }

    /**
     * A user-defined type (an enum: schema-qualified, since the inspector reads with an empty
     * search_path) has no cast to another type, but every value has a text form that the new type's
     * input function can read: {@code "status"::text::public.new_status}.
     */
    private static String viaText(Column from) {
        if (!from.type().contains(".")) {
            return "";
        }
        return from.type().endsWith("[]") ? "::text[]" : "::text";
    }
}
