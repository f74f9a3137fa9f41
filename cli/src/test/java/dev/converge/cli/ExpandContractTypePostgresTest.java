package dev.converge.cli;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue 19's acceptance for a type change ({@link TypeChangeRollout}) on PostgreSQL. */
@Tag("slow")
class ExpandContractTypePostgresTest {
    @Test
    void aRetypedColumnIsExpandedBackfilledAndSwappedUnderLoad() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("xtype_pg"); LocalPostgres fresh = LocalPostgres.create("xtype_pg_fresh")) {
            TypeChangeRollout.run(ExpandContractPostgresTest.database(db), ExpandContractPostgresTest.database(fresh),
                    "ADD COLUMN \"converge_new_full_name\" character varying(200);", "character varying(200)", "public");
        }
    }
}
