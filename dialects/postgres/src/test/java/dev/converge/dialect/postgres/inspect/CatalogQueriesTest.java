package dev.converge.dialect.postgres.inspect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The catalog queries' psql commands (\ir and \set, with :variable and :'variable') are expanded as
 * psql would: every fragment is in, every variable replaced, and a query says its own object to the
 * shared fragments (comment.sql, not_extension_member.sql). Needs no server.
 */
class CatalogQueriesTest {
    private static final Pattern INCLUDE = Pattern.compile("\\\\ir (\\w+)\\.sql");

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

    /** Every resource that no other includes: the fragments need the variables their includer sets. */
    private static List<String> queryNames() throws IOException, URISyntaxException {
        Path folder = Path.of(CatalogQueries.class.getResource("enums.sql").toURI()).getParent();
        List<Path> files;
        try (var list = Files.list(folder)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
        Set<String> fragments = new HashSet<>();
        for (Path file : files) {
            Matcher include = INCLUDE.matcher(Files.readString(file));
            while (include.find()) {
                fragments.add(include.group(1));
            }
        }
        List<String> queries = files.stream().map(f -> f.getFileName().toString().replace(".sql", ""))
                .filter(name -> !fragments.contains(name)).toList();
        assertTrue(queries.contains("enums") && !queries.contains("comment"), queries.toString());
        return queries;
    }
}
