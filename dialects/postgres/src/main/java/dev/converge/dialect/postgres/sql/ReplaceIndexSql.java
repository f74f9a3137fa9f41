package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.change.ReplaceIndex;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.safety.OnlineStrategies;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ReplaceIndexSql writes an index's new definition under its old name. Online (the default), the table
 * has a usable index at every moment:
 * <ol>
 *   <li>{@code CREATE INDEX CONCURRENTLY <name>_converge_new ...}: SHARE UPDATE EXCLUSIVE on the table,
 *   outside a transaction; a failed build leaves an INVALID index, which its cleanup drops;</li>
 *   <li>{@code DROP INDEX CONCURRENTLY <name>}: SHARE UPDATE EXCLUSIVE, waits for queries using it;</li>
 *   <li>{@code ALTER INDEX <name>_converge_new RENAME TO <name>}: a catalog change that locks only the
 *   index (SHARE UPDATE EXCLUSIVE from PostgreSQL 12, ACCESS EXCLUSIVE before), not the table.</li>
 * </ol>
 * The plain form drops and creates inside the apply's transaction, which other sessions never see
 * half done, but which holds the table's locks for the whole build. It starts by dropping a leftover
 * temporary index and uses IF EXISTS, so that, as the inverse of an online replacement, it restores
 * the old index from any point the online form can stop at.
 * (https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY,
 * https://www.postgresql.org/docs/current/sql-alterindex.html)
 */
final class ReplaceIndexSql {
    private static final Pattern HEAD = Pattern.compile("^CREATE (UNIQUE )?INDEX (\"(?:[^\"]|\"\")+\"|\\S+) ON ");
    private static final String SUFFIX = "_converge_new";

    private ReplaceIndexSql() {
    }

    /** Drop and create in the transaction, robust to what an interrupted online replacement left. */
    static List<String> plain(ReplaceIndex change) {
        Index to = change.to();
        return List.of("DROP INDEX IF EXISTS " + quote(temporaryName(to.name())),
                "DROP INDEX IF EXISTS " + quote(to.name()),
                ViewSql.createIndex(to));
    }

    /** The online form under {@code strategies}, or null when the plain form is to be used. */
    static List<DdlStatement> online(ReplaceIndex change, OnlineStrategies strategies) {
        Index to = change.to();
        String definition = ViewSql.createIndex(to);
        Matcher m = HEAD.matcher(definition);
        // A partitioned table's index (ON ONLY) cannot be built concurrently.
        if (!strategies.concurrentIndexes() || !m.find() || definition.startsWith("ONLY ", m.end())) {
            return null;
        }
        String unique = m.group(1) == null ? "" : "UNIQUE ";
        String rest = definition.substring(m.end());
        if (!strategies.indexReplacement()) {
            // As before the strategy existed: drop, then build; the table has no index in between.
            return List.of(DdlStatement.outsideTransaction("DROP INDEX CONCURRENTLY " + quote(to.name())),
                    DdlStatement.outsideTransaction("CREATE " + unique + "INDEX CONCURRENTLY " + quote(to.name().name())
                            + " ON " + rest, "DROP INDEX CONCURRENTLY IF EXISTS " + quote(to.name())));
        }
        QualifiedName temporary = temporaryName(to.name());
        return List.of(
                DdlStatement.outsideTransaction("CREATE " + unique + "INDEX CONCURRENTLY " + quote(temporary.name())
                        + " ON " + rest, "DROP INDEX CONCURRENTLY IF EXISTS " + quote(temporary)),
                DdlStatement.outsideTransaction("DROP INDEX CONCURRENTLY " + quote(to.name())),
                DdlStatement.inTransaction("ALTER INDEX " + quote(temporary) + " RENAME TO " + quote(to.name().name())));
    }

    /** {@code <name>_converge_new} in the index's schema, cut to PostgreSQL's 63-byte identifier limit. */
    static QualifiedName temporaryName(QualifiedName index) {
        return QualifiedName.of(index.schema(), TemporaryNames.withSuffix(index.name(), SUFFIX));
    }
}
