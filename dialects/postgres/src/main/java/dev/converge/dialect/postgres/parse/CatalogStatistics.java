package dev.converge.dialect.postgres.parse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * CatalogStatistics brings the planner's statistics of the catalogs the inspector reads up to date
 * once the desired files are loaded, before the second deparse and the inspection query them. A new database starts with its template's statistics (pg_class
 * of a few hundred rows); after a thousand tables it holds thousands, and autovacuum has not looked
 * yet, so the planner picks nested loops over catalogs it thinks are tiny: measured on 1,000 tables,
 * the inspection's queries took 6.3-7.0 s before and 2.2-2.6 s after an ANALYZE of about a second.
 * Only the shadow's catalogs are analyzed (a target's are the user's), and only the catalogs that
 * hold one database's objects, never the cluster's shared ones.
 */
final class CatalogStatistics {
    /**
     * Below this many statements the catalogs stay close to the template's and their statistics
     * still fit; the ANALYZE (tens of milliseconds) would cost more than it saves.
     */
    static final int STATEMENTS_WORTH_IT = 200;

    /** The catalogs that desired-state DDL grows and the inspector's queries join. */
    private static final List<String> GROWN_BY_DDL = List.of("pg_class", "pg_attribute", "pg_attrdef",
            "pg_constraint", "pg_depend", "pg_description", "pg_index", "pg_type", "pg_rewrite", "pg_namespace",
            "pg_proc", "pg_trigger", "pg_policy", "pg_sequence", "pg_inherits", "pg_enum", "pg_statistic_ext",
            "pg_collation");

    private CatalogStatistics() {
    }

    /** ANALYZE of those catalogs, after {@code statements} statements were loaded into {@code shadow}. */
    static void refresh(Connection shadow, int statements) throws SQLException {
        if (statements < STATEMENTS_WORTH_IT) {
            return;
        }
        try (Statement st = shadow.createStatement()) {
            st.execute("ANALYZE " + String.join(", ", GROWN_BY_DDL.stream().map(name -> "pg_catalog." + name).toList()));
        }
    }
}
