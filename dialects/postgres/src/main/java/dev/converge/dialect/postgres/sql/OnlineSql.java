package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.change.AddConstraint;
import dev.converge.engine.change.AddForeignKey;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.DropIndex;
import dev.converge.engine.change.SetPartitionOf;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.safety.OnlineStrategies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OnlineSql writes the lock-avoiding forms of changes on existing tables
 * (https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY,
 * https://www.postgresql.org/docs/current/sql-altertable.html, "VALIDATE CONSTRAINT"):
 * <ul>
 *   <li>CREATE / DROP INDEX CONCURRENTLY: SHARE UPDATE EXCLUSIVE instead of SHARE / ACCESS EXCLUSIVE,
 *   outside any transaction; a failed concurrent build leaves an INVALID index, which the cleanup
 *   statement drops;</li>
 *   <li>a check or foreign key added NOT VALID (a brief lock, no scan), then VALIDATE CONSTRAINT on its
 *   own, committed apart, under SHARE UPDATE EXCLUSIVE: reads and writes continue during the scan; a
 *   failed validation drops the unvalidated constraint again;</li>
 *   <li>SET NOT NULL after a validated {@code CHECK (c IS NOT NULL)}: PostgreSQL 12+ then skips the scan
 *   under ACCESS EXCLUSIVE; the helper check is dropped afterwards;</li>
 *   <li>DETACH PARTITION CONCURRENTLY on PostgreSQL 14+ ({@link ConcurrentDetach}).</li>
 * </ul>
 * Each method returns null when the plain form is to be used.
 */
final class OnlineSql {
    private static final Pattern CREATE_INDEX = Pattern.compile("^CREATE (UNIQUE )?INDEX ");

    private final int major;
    private final OnlineStrategies strategies;

    OnlineSql(int major, OnlineStrategies strategies) {
        this.major = major;
        this.strategies = strategies;
    }

    /** True when a detach of a partition of {@code current} uses DETACH ... CONCURRENTLY on this server. */
    boolean concurrentDetach(SetPartitionOf change, SchemaModel current) {
        return ConcurrentDetach.applies(change, current, major, strategies);
    }

    List<DdlStatement> createIndex(CreateIndex change) {
        if (!strategies.concurrentIndexes()) {
            return null;
        }
        String plain = ViewSql.createIndex(change.index());
        Matcher m = CREATE_INDEX.matcher(plain);
        if (!m.find()) {
            return null;
        }
        String concurrent = m.replaceFirst("CREATE " + (m.group(1) == null ? "" : "UNIQUE ") + "INDEX CONCURRENTLY ");
        return List.of(DdlStatement.outsideTransaction(concurrent,
                "DROP INDEX CONCURRENTLY IF EXISTS " + quote(change.index().name())));
    }

    /** A new index of an existing partitioned table: {@link PartitionedIndexSql}. */
    List<DdlStatement> createPartitionedIndex(CreateIndex change, SchemaModel current) {
        return strategies.concurrentIndexes() ? PartitionedIndexSql.create(change.index(), current) : null;
    }

    List<DdlStatement> dropIndex(DropIndex change) {
        if (!strategies.concurrentIndexes()) {
            return null;
        }
        return List.of(DdlStatement.outsideTransaction("DROP INDEX CONCURRENTLY " + quote(change.index().name())));
    }

    List<DdlStatement> addCheck(AddConstraint change) {
        String definition = change.constraint().definition();
        if (!strategies.notValidConstraints() || change.constraint().kind() != ConstraintKind.CHECK
                || definition.endsWith(" NOT VALID")) {
            return null;
        }
        return notValidThenValidate(change.table(), change.constraint().name(), definition);
    }

    List<DdlStatement> addForeignKey(AddForeignKey change) {
        String definition = change.foreignKey().definition();
        if (!strategies.notValidConstraints() || definition.endsWith(" NOT VALID")) {
            return null;
        }
        return notValidThenValidate(change.foreignKey().table(), change.foreignKey().name(), definition);
    }

    private static List<DdlStatement> notValidThenValidate(QualifiedName table, String name, String definition) {
        String alter = "ALTER TABLE " + quote(table);
        return List.of(
                DdlStatement.inTransaction(alter + " ADD CONSTRAINT " + quote(name) + " " + definition + " NOT VALID"),
                DdlStatement.outsideTransaction(alter + " VALIDATE CONSTRAINT " + quote(name),
                        alter + " DROP CONSTRAINT IF EXISTS " + quote(name)));
    }

    /** The plain statements of an AlterColumn, with SET NOT NULL replaced by the validated-check form. */
    List<DdlStatement> alterColumn(AlterColumn change, List<String> plain) {
        if (!strategies.notNullThroughCheck() || major < 12 || !change.kinds().contains(ColumnChangeKind.NOT_NULL)
                || !change.to().notNull()) {
            return null;
        }
        String alter = "ALTER TABLE " + quote(change.table());
        String setNotNull = alter + " ALTER COLUMN " + quote(change.to().name()) + " SET NOT NULL";
        if (!plain.contains(setNotNull)) {
            return null;
        }
        String check = quote(helperName(change.to().name()));
        List<DdlStatement> result = new ArrayList<>();
        for (String sql : plain) {
            if (sql.equals(setNotNull)) {
                result.add(DdlStatement.inTransaction(alter + " ADD CONSTRAINT " + check + " CHECK ("
                        + quote(change.to().name()) + " IS NOT NULL) NOT VALID"));
                result.add(DdlStatement.outsideTransaction(alter + " VALIDATE CONSTRAINT " + check,
                        alter + " DROP CONSTRAINT IF EXISTS " + check));
                result.add(DdlStatement.inTransaction(sql));
                result.add(DdlStatement.inTransaction(alter + " DROP CONSTRAINT " + check));
            } else {
                result.add(DdlStatement.inTransaction(sql));
            }
        }
        return result;
    }

    /** {@code <column>_not_null}, cut to PostgreSQL's 63-byte identifier limit. */
    static String helperName(String column) {
        String suffix = "_not_null";
        String name = column;
        while ((name + suffix).getBytes(StandardCharsets.UTF_8).length > 63) {
            name = name.substring(0, name.length() - 1);
        }
        return name + suffix;
    }
}
