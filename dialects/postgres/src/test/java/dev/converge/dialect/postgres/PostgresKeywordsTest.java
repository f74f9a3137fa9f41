package dev.converge.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.text.NameRewriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The key words Converge quotes are those the running server's quote_ident quotes. */
class PostgresKeywordsTest {

    @Test
    void theListIsTheServersOwn() throws Exception {
        Set<String> server = new HashSet<>();
        int major;
        try (Connection c = LocalPostgres.admin(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT word FROM pg_get_keywords() WHERE catcode <> 'U'")) {
                while (rs.next()) {
                    server.add(rs.getString(1));
                }
            }
            major = c.getMetaData().getDatabaseMajorVersion();
        }
        Set<String> ours = new HashSet<>(PostgresKeywords.RESERVED_OR_TYPE_FUNCTION);
        ours.addAll(PostgresKeywords.COLUMN_NAME);
        Set<String> missing = new HashSet<>(server);
        missing.removeAll(ours);
        missing.removeAll(PostgresKeywords.LATER_MAJORS);
        assertEquals(Set.of(), missing, "key words the server " + major + " quotes and Converge would write bare");
        if (major == 15) {
            Set<String> extra = new HashSet<>(ours);
            extra.removeAll(server);
            assertEquals(Set.of(), extra, "words listed as PostgreSQL 15 key words that the server does not know");
        }
    }

    @Test
    void aColumnRenamedToAKeywordIsQuotedInsideACheck() {
        NameRewriter names = new NameRewriter(new PostgresSqlLexer());
        assertEquals("CHECK ((\"order\" > 0))", names.renameColumn("CHECK ((position > 0))",
                QualifiedName.of("shop", "items"), "position", "order"));
        assertTrue(new PostgresSqlLexer().name("position", null).startsWith("\""));
        assertEquals("state", new PostgresSqlLexer().name("state", null));
    }
}
