package dev.converge.dialect.postgres.inspect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalog queries' psql commands (\ir and \set, with :variable and :'variable') are expanded as
 * psql would: every fragment is in, every variable replaced, and a query says its own object to the
 * shared fragments (comment.sql, not_extension_member.sql). Needs no server.
 */
class CatalogQueriesTest {
    @Test
    void noQueryKeepsAPsqlCommandOrAVariable() throws IOException, URISyntaxException {
        for (String name : queryNames()) {
            // the fragments' comments speak of the commands; the SQL must hold none
            String sql = CatalogQueries.get(name).replaceAll("(?m)^\\s*--.*$", "");
            assertFalse(sql.contains("\\ir ") || sql.contains("\\set "), name + " keeps a psql command:\n" + sql);
            assertFalse(sql.contains(":object") || sql.contains(":'catalog'"), name + " keeps a variable:\n" + sql);
        }
    }

    @Test
    void aFragmentTakesTheObjectTheQuerySetsLast() {
        String policies = CatalogQueries.get("policies");
        assertTrue(policies.contains("d.objoid = p.oid AND d.classoid = 'pg_catalog.pg_policy'::pg_catalog.regclass"),
                policies);
        assertTrue(policies.contains("x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND x.objid = c.oid"
                + " AND x.deptype = 'e'"), policies);
        String enums = CatalogQueries.get("enums");
        assertTrue(enums.contains("x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND x.objid = t.oid"), enums);
    }

    @Test
    void castsAndArraySlicesAreNotVariables() {
        // "::pg_catalog.regclass" follows the :'catalog' literal; object_references.sql's casts stay too
        assertTrue(CatalogQueries.get("views").contains("'pg_catalog.pg_rewrite'::pg_catalog.regclass"));
        assertTrue(CatalogQueries.get("enums").contains("'{}'::text[]"));
    }

    private static List<String> queryNames() throws IOException, URISyntaxException {
        Path folder = Path.of(CatalogQueries.class.getResource("enums.sql").toURI()).getParent();
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".sql"))
                    .map(f -> f.substring(0, f.length() - 4)).sorted().toList();
        }
    }
}
