package dev.converge.dialect.postgres.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rebuild of a table's partitioning copies its rows in batches of pages (ctid ranges). With
 * batches of 3 pages, a table of many pages (with holes left by deleted rows, and rows on the last
 * page of a batch and the first of the next) is copied whole, each row once, into a partitioned
 * table: the batches neither skip nor repeat a page.
 */
class RebuildTableCopyBatchesTest {
    @Test
    void everyRowIsCopiedOnceAcrossManyBatches() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("rebuild_batches");
             Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE old_rows (id int NOT NULL, pad text)");
            st.execute("INSERT INTO old_rows SELECT g, repeat('x', 200) FROM generate_series(1, 2000) g");
            st.execute("DELETE FROM old_rows WHERE id % 7 = 0");
            st.execute("CREATE TABLE new_rows (id int NOT NULL, pad text) PARTITION BY RANGE (id)");
            st.execute("CREATE TABLE new_rows_low PARTITION OF new_rows FOR VALUES FROM (0) TO (1000)");
            st.execute("CREATE TABLE new_rows_high PARTITION OF new_rows FOR VALUES FROM (1000) TO (3000)");
            long pages = Long.parseLong(value(st, "SELECT pg_relation_size('old_rows') / 8192"));
            assertTrue(pages > 10, "the table spans many batches of 3 pages: " + pages + " pages");

            st.execute(RebuildTableSql.copy(QualifiedName.of("public", "old_rows"), QualifiedName.of("public", "new_rows"),
                    List.of(Column.of("id", "integer", true), Column.of("pad", "text", false)), 3));

            assertEquals(value(st, "SELECT count(*) || ' ' || sum(id) FROM old_rows"),
                    value(st, "SELECT count(*) || ' ' || sum(id) FROM new_rows"));
            assertEquals("0", value(st, "SELECT count(*) FROM (SELECT id FROM new_rows GROUP BY id HAVING count(*) > 1) d"),
                    "a row was copied twice");
        }
    }

    private static String value(Statement st, String query) throws java.sql.SQLException {
        try (ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
