package dev.converge.dialect.postgres.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.model.UnmanagedObject;
import dev.converge.engine.spi.InspectScope;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A partition's columns are its parent's in the model, so a setting a partition's column has apart
 * from its parent's is listed as unmanaged rather than ignored. A table ATTACHed as a partition keeps
 * its own columns: here it lacks its parent's default, storage and compression, and has a NOT NULL
 * and a statistics target of its own. Once the partition says what its parent says, nothing is listed;
 * a partition without its parent's statistics target is as PostgreSQL makes one, and is not listed.
 */
class PartitionColumnSettingsTest {
    private static final String PARENT = """
            CREATE SCHEMA app;
            CREATE TABLE app.events (at date NOT NULL, kind text DEFAULT 'plain', weight int)
                PARTITION BY RANGE (at);
            ALTER TABLE app.events ALTER COLUMN kind SET STORAGE MAIN;
            ALTER TABLE app.events ALTER COLUMN kind SET COMPRESSION pglz;
            ALTER TABLE app.events ALTER COLUMN weight SET STATISTICS 500;
            CREATE TABLE app.events_2026 (at date NOT NULL, kind text, weight int NOT NULL);
            ALTER TABLE app.events_2026 ALTER COLUMN at SET STATISTICS 250;
            ALTER TABLE app.events ATTACH PARTITION app.events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            """;

    @Test
    void anAttachedPartitionsOwnColumnSettingsAreListedUntilTheyMatchItsParent() throws Exception {
        PostgresDialect dialect = new PostgresDialect();
        InspectScope scope = new InspectScope(Set.of(), Set.of());
        try (LocalPostgres db = LocalPostgres.create("partition_columns");
             Connection connection = db.connect()) {
            db.execute(PARENT);
            List<String> listed = dialect.inspector().inspect(connection, scope).unmanaged().stream()
                    .map(UnmanagedObject::toString).sorted().toList();
            assertEquals(List.of(
                    "table attribute COLUMN at STATISTICS 250 (the parent's: STATISTICS -1) on app.events_2026",
                    "table attribute COLUMN kind COMPRESSION DEFAULT (the parent's: COMPRESSION pglz) on app.events_2026",
                    "table attribute COLUMN kind STORAGE EXTENDED (the parent's: STORAGE MAIN) on app.events_2026",
                    "table attribute COLUMN kind no DEFAULT (the parent's: DEFAULT 'plain'::text) on app.events_2026",
                    "table attribute COLUMN weight NOT NULL (the parent's: NULL) on app.events_2026"), listed);

            db.execute("""
                    ALTER TABLE app.events_2026 ALTER COLUMN at SET STATISTICS -1;
                    ALTER TABLE app.events_2026 ALTER COLUMN kind SET COMPRESSION pglz;
                    ALTER TABLE app.events_2026 ALTER COLUMN kind SET STORAGE MAIN;
                    ALTER TABLE app.events_2026 ALTER COLUMN kind SET DEFAULT 'plain';
                    ALTER TABLE app.events_2026 ALTER COLUMN weight DROP NOT NULL;
                    """);
            assertEquals(List.of(), dialect.inspector().inspect(connection, scope).unmanaged(),
                    "a partition that says what its parent says, but for the statistics target it never got");
        }
    }
}
