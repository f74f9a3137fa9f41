package dev.converge.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's acceptance for a type change ({@link TypeChangeRollout}) on MariaDB/MySQL, where every DDL
 * statement commits on its own: the swap holds the table's write lock from the sync's drop to the rename.
 */
@Tag("slow")
class ExpandContractTypeMysqlTest {
    @Test
    void aRetypedColumnIsExpandedBackfilledAndSwappedUnderLoad() throws Exception {
        try (LocalMariadb.Database db = LocalMariadb.Database.create("xtype_my");
             LocalMariadb.Database fresh = LocalMariadb.Database.create("xtype_my_fresh")) {
            TypeChangeRollout.run(ExpandContractMysqlTest.database(db), ExpandContractMysqlTest.database(fresh),
                    "BEFORE INSERT ON `people`", "varchar(200)", "db");
        }
    }
}
