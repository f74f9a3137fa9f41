package dev.converge.dialect.postgres.parse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SecondDeparse brings the desired state to the server's fixed point. The server stores a CHECK, a
 * default, a view body (and the other definitions below) as a parse tree and shows it as deparsed
 * text; loading that text again does not always give the same text back
 * ({@code ANY ((ARRAY['a'::varchar])::text[])} becomes {@code ANY (ARRAY[('a'::varchar)::text])}).
 * A target gets exactly that second load, because the plan is written from the shadow's deparsed
 * text. So, once the desired files are loaded, every such definition in the shadow is replaced by its
 * own deparsed text, in place and in one transaction, and the shadow is inspected only afterwards:
 * both sides of the diff have then gone through the server twice.
 *
 * <p>Each catalog query below returns, for one object (or one table's checks or defaults), a label and the
 * statements that recreate it from its deparsed text, written with an empty search_path (as the inspector reads and the plan
 * writes them: every name qualified). Objects something else would be lost with are left as loaded:
 * an index that backs a constraint, is clustered, partitioned or a partition's, lies in a tablespace
 * or has dependants; a materialized view with dependants, privileges or comments; a generated column
 * before PostgreSQL 17 (which has no {@code SET EXPRESSION}). docs/coverage.md lists these.
 *
 * <p>Cost: every statement here is DDL on an empty table, a few milliseconds each (sent {@link #BATCH}
 * to a round trip), so a check or a default without any printed cast ({@code ::} or {@code CAST(}) is left alone: the server hides the
 * coercions it adds implicitly, and only a printed cast can parse back into a different tree (the
 * known cases all do); so is a serial's {@code nextval('s'::regclass)}. Views, materialized views,
 * policies, trigger conditions and index expressions are always loaded again: there are few, and a
 * view's text can change without a cast ({@code NULL::integer} gains {@code AS int4}).
 */
final class SecondDeparse {
    private static final String USER_SCHEMA = "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'"
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.objid = n.oid"
            + " AND e.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND e.deptype = 'e')";
    /** Objects that belong to an extension are the extension's, not the desired files'. */
    private static final String NOT_EXTENSION_MEMBER = " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x"
            + " WHERE x.objid = %s AND x.deptype = 'e')";

    /** One ALTER TABLE per table for all its checks (the cost is per statement, not per subcommand). */
    private static final String TABLE_CHECKS = """
            SELECT pg_catalog.format('checks of %I.%I', n.nspname, c.relname),
                   pg_catalog.format('ALTER TABLE %I.%I ', n.nspname, c.relname)
                   || pg_catalog.string_agg(pg_catalog.format('DROP CONSTRAINT %I, ADD CONSTRAINT %I %s', o.conname,
                       o.conname, pg_catalog.pg_get_constraintdef(o.oid)), ', ' ORDER BY o.conname)
                   -- a dropped constraint loses its comment: give it back
                   || COALESCE(pg_catalog.string_agg(CASE WHEN pg_catalog.obj_description(o.oid, 'pg_constraint') IS NOT NULL
                       THEN pg_catalog.format('; COMMENT ON CONSTRAINT %I ON %I.%I IS %L', o.conname, n.nspname, c.relname,
                           pg_catalog.obj_description(o.oid, 'pg_constraint')) END, '' ORDER BY o.conname), '')
              FROM pg_catalog.pg_constraint o
              JOIN pg_catalog.pg_class c ON c.oid = o.conrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE o.contype = 'c' AND o.conislocal AND o.coninhcount = 0 AND c.relkind IN ('r', 'p', 'f')
               AND pg_catalog.pg_get_constraintdef(o.oid) ~ '::|CAST\\('
               AND %s
             GROUP BY n.nspname, c.relname
             ORDER BY n.nspname, c.relname""";

    private static final String DOMAIN_CHECKS = """
            SELECT pg_catalog.format('check %I of domain %I.%I', o.conname, n.nspname, t.typname),
                   pg_catalog.format('ALTER DOMAIN %I.%I DROP CONSTRAINT %I; ALTER DOMAIN %I.%I ADD CONSTRAINT %I %s',
                       n.nspname, t.typname, o.conname, n.nspname, t.typname, o.conname,
                       pg_catalog.pg_get_constraintdef(o.oid))
                   || CASE WHEN pg_catalog.obj_description(o.oid, 'pg_constraint') IS NULL THEN ''
                      ELSE pg_catalog.format('; COMMENT ON CONSTRAINT %I ON DOMAIN %I.%I IS %L', o.conname, n.nspname,
                           t.typname, pg_catalog.obj_description(o.oid, 'pg_constraint')) END
              FROM pg_catalog.pg_constraint o
              JOIN pg_catalog.pg_type t ON t.oid = o.contypid
              JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
             WHERE o.contype = 'c' AND %s
             ORDER BY n.nspname, t.typname, o.conname""";

    /** One ALTER TABLE ONLY per table (a partition keeps a default of its own). */
    private static final String DEFAULTS = """
            SELECT pg_catalog.format('defaults of %I.%I', n.nspname, c.relname),
                   pg_catalog.format('ALTER TABLE ONLY %I.%I ', n.nspname, c.relname)
                   || pg_catalog.string_agg(pg_catalog.format('ALTER COLUMN %I SET DEFAULT %s', a.attname,
                       pg_catalog.pg_get_expr(d.adbin, d.adrelid)), ', ' ORDER BY a.attnum)
              FROM pg_catalog.pg_attrdef d
              JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
              JOIN pg_catalog.pg_class c ON c.oid = d.adrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE a.attgenerated = '' AND c.relkind IN ('r', 'p', 'f')
               AND pg_catalog.pg_get_expr(d.adbin, d.adrelid) ~ '::|CAST\\('
               AND pg_catalog.pg_get_expr(d.adbin, d.adrelid) !~ '^nextval\\(''[^'']*''::regclass\\)$'
               AND %s
             GROUP BY n.nspname, c.relname
             ORDER BY n.nspname, c.relname""";

    private static final String DOMAIN_DEFAULTS = """
            SELECT pg_catalog.format('default of domain %I.%I', n.nspname, t.typname),
                   pg_catalog.format('ALTER DOMAIN %I.%I SET DEFAULT %s', n.nspname, t.typname, t.typdefault)
              FROM pg_catalog.pg_type t
              JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
             WHERE t.typtype = 'd' AND t.typdefault IS NOT NULL AND %s
             ORDER BY n.nspname, t.typname""";

    /** PostgreSQL 17 and later: {@code ALTER COLUMN ... SET EXPRESSION}. */
    private static final String GENERATED = """
            SELECT pg_catalog.format('generated column %I.%I.%I', n.nspname, c.relname, a.attname),
                   pg_catalog.format('ALTER TABLE %I.%I ALTER COLUMN %I SET EXPRESSION AS (%s)',
                       n.nspname, c.relname, a.attname, pg_catalog.pg_get_expr(d.adbin, d.adrelid))
              FROM pg_catalog.pg_attrdef d
              JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
              JOIN pg_catalog.pg_class c ON c.oid = d.adrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE a.attgenerated <> '' AND a.attislocal AND a.attinhcount = 0 AND c.relkind IN ('r', 'p')
               AND %s
             ORDER BY n.nspname, c.relname, a.attnum""";

    private static final String INDEXES = """
            SELECT pg_catalog.format('index %I.%I', n.nspname, ic.relname),
                   pg_catalog.format('DROP INDEX %I.%I; %s', n.nspname, ic.relname, pg_catalog.pg_get_indexdef(i.indexrelid))
                   || COALESCE(pg_catalog.format('; COMMENT ON INDEX %I.%I IS %L', n.nspname, ic.relname,
                       pg_catalog.obj_description(ic.oid, 'pg_class')), '')
                   || INDEX_STATISTICS(ic.oid)
              FROM pg_catalog.pg_index i
              JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
              JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
             WHERE (i.indexprs IS NOT NULL OR i.indpred IS NOT NULL)
               AND ic.relkind = 'i' AND NOT c.relispartition AND ic.reltablespace = 0 AND NOT i.indisclustered
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid)
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.indexrelid)
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend r WHERE r.refobjid = i.indexrelid
                   AND r.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass)
               AND %s
             ORDER BY n.nspname, ic.relname""";

    private static final String VIEWS = """
            SELECT pg_catalog.format('view %I.%I', n.nspname, c.relname),
                   pg_catalog.format('CREATE OR REPLACE VIEW %I.%I%s AS %s', n.nspname, c.relname,
                       CASE WHEN c.reloptions IS NULL THEN ''
                            ELSE ' WITH (' || pg_catalog.array_to_string(c.reloptions, ', ') || ')' END,
                       pg_catalog.rtrim(pg_catalog.pg_get_viewdef(c.oid, false), E'; \\n'))
              FROM pg_catalog.pg_class c
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind = 'v' AND %s
             ORDER BY n.nspname, c.relname""";

    /** Dropped and created again with its indexes, so only when nothing else would be lost. */
    private static final String MATERIALIZED_VIEWS = """
            SELECT pg_catalog.format('materialized view %I.%I', n.nspname, c.relname),
                   pg_catalog.format('DROP MATERIALIZED VIEW %I.%I; CREATE MATERIALIZED VIEW %I.%I%s AS %s WITH DATA',
                       n.nspname, c.relname, n.nspname, c.relname,
                       CASE WHEN c.reloptions IS NULL THEN ''
                            ELSE ' WITH (' || pg_catalog.array_to_string(c.reloptions, ', ') || ')' END,
                       pg_catalog.rtrim(pg_catalog.pg_get_viewdef(c.oid, false), E'; \\n'))
                   || COALESCE((SELECT pg_catalog.string_agg('; ' || pg_catalog.pg_get_indexdef(i.indexrelid), ''
                                       ORDER BY i.indexrelid)
                                  FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid), '')
                   || INDEX_STATISTICS(SELECT i.indexrelid FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid)
              FROM pg_catalog.pg_class c
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind = 'm' AND c.relacl IS NULL AND c.reltablespace = 0
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_description d WHERE d.objoid = c.oid
                   OR d.objoid IN (SELECT indexrelid FROM pg_catalog.pg_index WHERE indrelid = c.oid))
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend r
                   JOIN pg_catalog.pg_rewrite w ON w.oid = r.objid AND r.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
                   WHERE r.refobjid = c.oid AND w.ev_class <> c.oid)
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_depend r ON r.refobjid = i.indexrelid
                   WHERE i.indrelid = c.oid)
               AND %s
             ORDER BY n.nspname, c.relname""";

    private static final String POLICIES = """
            SELECT pg_catalog.format('policy %I on %I.%I', p.polname, n.nspname, c.relname),
                   pg_catalog.format('ALTER POLICY %I ON %I.%I', p.polname, n.nspname, c.relname)
                   || COALESCE(' USING (' || pg_catalog.pg_get_expr(p.polqual, p.polrelid) || ')', '')
                   || COALESCE(' WITH CHECK (' || pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) || ')', '')
              FROM pg_catalog.pg_policy p
              JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE (p.polqual IS NOT NULL OR p.polwithcheck IS NOT NULL) AND %s
             ORDER BY n.nspname, c.relname, p.polname""";

    /** A trigger with a WHEN condition, created again with its enabled state and comment. */
    private static final String TRIGGERS = """
            SELECT pg_catalog.format('trigger %I on %I.%I', t.tgname, n.nspname, c.relname),
                   pg_catalog.format('DROP TRIGGER %I ON %I.%I; %s', t.tgname, n.nspname, c.relname,
                       pg_catalog.pg_get_triggerdef(t.oid, false))
                   || CASE t.tgenabled WHEN 'D' THEN pg_catalog.format('; ALTER TABLE %I.%I DISABLE TRIGGER %I', n.nspname, c.relname, t.tgname)
                                       WHEN 'R' THEN pg_catalog.format('; ALTER TABLE %I.%I ENABLE REPLICA TRIGGER %I', n.nspname, c.relname, t.tgname)
                                       WHEN 'A' THEN pg_catalog.format('; ALTER TABLE %I.%I ENABLE ALWAYS TRIGGER %I', n.nspname, c.relname, t.tgname)
                                       ELSE '' END
                   || COALESCE(pg_catalog.format('; COMMENT ON TRIGGER %I ON %I.%I IS %L', t.tgname, n.nspname, c.relname,
                       pg_catalog.obj_description(t.oid, 'pg_trigger')), '')
              FROM pg_catalog.pg_trigger t
              JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE t.tgqual IS NOT NULL AND NOT t.tgisinternal AND t.tgparentid = 0 AND %s
             ORDER BY n.nspname, c.relname, t.tgname""";

    /**
     * The statistics targets of the columns of the indexes whose oids the argument of
     * {@code INDEX_STATISTICS(...)} gives, as {@code ; ALTER INDEX ... SET STATISTICS} statements: a
     * dropped index loses them, so they are given back after it is created again.
     */
    private static final String INDEX_STATISTICS = """
            COALESCE((SELECT pg_catalog.string_agg(pg_catalog.format('; ALTER INDEX %I.%I ALTER COLUMN %s SET STATISTICS %s',
                                 sn.nspname, si.relname, sa.attnum, sa.attstattarget), '' ORDER BY si.relname, sa.attnum)
                        FROM pg_catalog.pg_attribute sa
                        JOIN pg_catalog.pg_class si ON si.oid = sa.attrelid
                        JOIN pg_catalog.pg_namespace sn ON sn.oid = si.relnamespace
                       WHERE sa.attrelid IN (%INDEXES%) AND sa.attstattarget >= 0), '')""";

    /** Rewrites per round trip: a refused one costs its batch a second run, one rewrite at a time. */
    static final int BATCH = 100;

    private SecondDeparse() {
    }

    /**
     * Replaces every deparsed definition of the user's schemas in {@code shadow} by its own deparsed
     * text. The connection is in autocommit mode; this runs in one transaction of its own, each batch of
     * rewrites under a savepoint, and each object of a refused batch under one of its own: an object the
     * server will not recreate this way (a domain's check while an
     * array column uses the domain: "cannot alter type") keeps its first deparse, as before this pass.
     */
    static void settle(Connection shadow) throws SQLException {
        List<String> rewrites = new ArrayList<>();
        shadow.setAutoCommit(false);
        try (Statement st = shadow.createStatement()) {
            st.setEscapeProcessing(false);
            st.execute("SELECT pg_catalog.set_config('search_path', '', true)");
            int version = shadow.getMetaData().getDatabaseMajorVersion();
            for (String query : queries(version)) {
                try (ResultSet rs = st.executeQuery(query)) {
                    while (rs.next()) {
                        rewrites.add(rs.getString(2)); // column 1 names the object, for reading the query
                    }
                }
            }
            for (int from = 0; from < rewrites.size(); from += BATCH) {
                List<String> batch = rewrites.subList(from, Math.min(rewrites.size(), from + BATCH));
                if (batch.size() > 1 && runBatch(st, batch)) {
                    continue;
                }
                for (String rewrite : batch) {
                    st.execute("SAVEPOINT converge_second_deparse");
                    try {
                        st.execute(rewrite);
                        st.execute("RELEASE SAVEPOINT converge_second_deparse");
                    } catch (SQLException refused) {
                        st.execute("ROLLBACK TO SAVEPOINT converge_second_deparse");
                    }
                }
            }
            shadow.commit();
        } finally {
            if (!shadow.getAutoCommit()) {
                shadow.rollback();
                shadow.setAutoCommit(true);
            }
        }
    }

    /**
     * Runs the rewrites as one string under one savepoint: one round trip where each rewrite alone
     * costs three (a thousand tables have thousands of rewrites). False when the server refused one of
     * them; the whole batch is then rolled back, and its rewrites run again one at a time.
     */
    private static boolean runBatch(Statement st, List<String> batch) throws SQLException {
        StringBuilder sql = new StringBuilder("SAVEPOINT converge_second_deparse_batch;\n");
        for (String rewrite : batch) {
            sql.append(rewrite).append("\n;\n");
        }
        sql.append("RELEASE SAVEPOINT converge_second_deparse_batch");
        try {
            st.execute(sql.toString());
            return true;
        } catch (SQLException refused) {
            st.execute("ROLLBACK TO SAVEPOINT converge_second_deparse_batch");
            st.execute("RELEASE SAVEPOINT converge_second_deparse_batch");
            return false;
        }
    }

    private static List<String> queries(int majorVersion) {
        List<String> queries = new ArrayList<>();
        queries.add(scoped(TABLE_CHECKS, "o.oid"));
        queries.add(scoped(DOMAIN_CHECKS, "t.oid"));
        queries.add(scoped(DEFAULTS, "c.oid"));
        queries.add(scoped(DOMAIN_DEFAULTS, "t.oid"));
        if (majorVersion >= 17) {
            queries.add(scoped(GENERATED, "c.oid"));
        }
        queries.add(scoped(INDEXES, "c.oid"));
        queries.add(scoped(VIEWS, "c.oid"));
        queries.add(scoped(MATERIALIZED_VIEWS, "c.oid"));
        queries.add(scoped(POLICIES, "c.oid"));
        queries.add(scoped(TRIGGERS, "c.oid"));
        return queries;
    }

    /** Limits a query to the user's schemas and to objects no extension owns; writes out INDEX_STATISTICS. */
    private static String scoped(String query, String objectOid) {
        return withIndexStatistics(query)
                .replace("AND %s", "AND " + USER_SCHEMA + String.format(NOT_EXTENSION_MEMBER, objectOid));
    }

    private static String withIndexStatistics(String query) {
        Matcher use = Pattern.compile("INDEX_STATISTICS\\((.*)\\)$", Pattern.MULTILINE).matcher(query);
        return use.replaceAll(m -> Matcher.quoteReplacement(INDEX_STATISTICS.replace("%INDEXES%", m.group(1))));
    }
}
