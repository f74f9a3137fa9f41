package dev.converge.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19's acceptance for NOT NULL on a populated column ({@link NotNullRollout}) on MariaDB/MySQL. */
@Tag("slow")
class ExpandContractNotNullMysqlTest {
    @TempDir
    Path dir;

    @Test
    void aColumnMadeNotNullIsDefaultedBackfilledAndConstrainedUnderLoad() throws Exception {
        try (LocalMariadb.Database db = LocalMariadb.Database.create("xnn_my");
             LocalMariadb.Database fresh = LocalMariadb.Database.create("xnn_my_fresh")) {
            NotNullRollout.run(ExpandContractMysqlTest.database(db), ExpandContractMysqlTest.database(fresh), dir, "db");
        }
    }
}
