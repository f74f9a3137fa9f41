package dev.converge.dialect.postgres.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.dialect.postgres.sql.PostgresSqlGenerator;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.plan.DdlStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks the rewrite rules of {@link TypeChange} against the server itself: the table's file node
 * changes exactly when PostgreSQL rewrote the table for the generated ALTER COLUMN ... TYPE.
 */
class TypeChangeMatchesPostgresTest {
    /** One type change a line, "from -> to", as the assertion names it. */
    private static final List<String> CHANGES = """
            character varying(10) -> character varying(20)
            character varying(10) -> text
            text -> character varying
            numeric(10,2) -> numeric(12,2)
            numeric(10,2) -> numeric
            numeric(10,2) -> numeric(12,4)
            timestamp(3) without time zone -> timestamp(6) without time zone
            timestamp(6) without time zone -> timestamp(3) without time zone
            integer -> bigint
            bigint -> integer
            character varying(20) -> character varying(10)
            text -> integer
            integer -> text
            """.lines().toList();

    @Test
    void rewritePredictionMatchesTheServer() throws SQLException {
        PostgresSqlGenerator generator = new PostgresSqlGenerator();
        Map<String, String> predicted = new LinkedHashMap<>();
        Map<String, String> observed = new LinkedHashMap<>();
        try (LocalPostgres db = LocalPostgres.create("typechange"); Connection c = db.connect();
             Statement st = c.createStatement()) {
            for (int i = 0; i < CHANGES.size(); i++) {
                String key = CHANGES.get(i);
                String from = key.substring(0, key.indexOf(" -> "));
                String to = key.substring(key.indexOf(" -> ") + " -> ".length());
                QualifiedName table = QualifiedName.of("public", "t" + i);
                st.execute("CREATE TABLE public.t" + i + " (c " + from + ")");
                st.execute("INSERT INTO public.t" + i + " DEFAULT VALUES");
                long before = fileNode(st, "public.t" + i);
                for (String sql : DdlStatement.texts(generator.statements(new AlterColumn(table, Column.of("c", from, false),
                        Column.of("c", to, false), EnumSet.of(ColumnChangeKind.TYPE))))) {
                    st.execute(sql);
                }
                observed.put(key, fileNode(st, "public.t" + i) == before ? "no rewrite" : "rewrite");
                predicted.put(key, TypeChange.of(from, to) == TypeChange.METADATA_ONLY ? "no rewrite" : "rewrite");
            }
        }
        assertEquals(observed, predicted);
    }

    private static long fileNode(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT pg_relation_filenode('" + table + "'::regclass)")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
