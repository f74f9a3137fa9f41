package dev.converge.cli;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19's acceptance for NOT NULL on a populated column ({@link NotNullRollout}) on PostgreSQL. */
@Tag("slow")
class ExpandContractNotNullPostgresTest {
    @TempDir
    Path dir;

    @Test
    void aColumnMadeNotNullIsDefaultedBackfilledAndConstrainedUnderLoad() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("xnn_pg"); LocalPostgres fresh = LocalPostgres.create("xnn_pg_fresh")) {
            NotNullRollout.run(ExpandContractPostgresTest.database(db), ExpandContractPostgresTest.database(fresh), dir, "public");
        }
    }
}
