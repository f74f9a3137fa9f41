package dev.converge.dialect.postgres.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.safety.TableSize;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Table statistics are read by qualified name: the same table name in another schema is another table. */
class TableStatisticsTest {

    @Test
    void readsEachTableByItsQualifiedNameAndSkipsTablesThatAreNotThere() throws SQLException {
        try (LocalPostgres db = LocalPostgres.create("stats"); Connection connection = db.connect()) {
            db.execute("CREATE SCHEMA tenant_a; CREATE SCHEMA \"Tenant B\";"
                    + " CREATE TABLE tenant_a.users (id int, name text);"
                    + " CREATE TABLE \"Tenant B\".users (id int);"
                    + " INSERT INTO tenant_a.users SELECT i, repeat('x', 200) FROM generate_series(1, 2000) i;"
                    + " ANALYZE tenant_a.users; ANALYZE \"Tenant B\".users;");
            QualifiedName a = QualifiedName.of("tenant_a", "users");
            QualifiedName b = QualifiedName.of("Tenant B", "users");
            QualifiedName missing = QualifiedName.of("tenant_a", "gone");

            Map<QualifiedName, TableSize> sizes = TableStatistics.read(connection, List.of(a, b, missing));

            assertEquals(2, sizes.size(), sizes.toString());
            assertEquals(2000, sizes.get(a).rows());
            assertTrue(sizes.get(a).totalBytes() > 400_000, sizes.toString());
            assertEquals(0, sizes.get(b).rows());
            assertTrue(sizes.get(b).totalBytes() < sizes.get(a).totalBytes(), sizes.toString());
        }
    }
}
