package dev.converge.cli;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue 19's acceptance for a column rename ({@link RenameRollout}) and a table rename ({@link TableRenameRollout}) on PostgreSQL. */
@Tag("slow")
class ExpandContractPostgresTest {
    @Test
    void aRenamedColumnIsExpandedBackfilledAndContractedUnderLoad() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("expand_pg"); LocalPostgres fresh = LocalPostgres.create("expand_pg_fresh")) {
            RenameRollout.run(database(db), database(fresh), "ADD COLUMN \"display_name\" text;");
        }
    }

    @Test
    void aRenamedTableIsExpandedAndContractedUnderLoad() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("expand_tbl_pg");
             LocalPostgres fresh = LocalPostgres.create("expand_tbl_pg_fresh")) {
            TableRenameRollout.run(database(db), database(fresh), "ALTER TABLE \"public\".\"people\" RENAME TO \"persons\";",
                    "public");
        }
    }

    static RenameRollout.Database database(LocalPostgres db) {
        return new RenameRollout.Database() {
            @Override
            public String url() {
                return Cli.url(db);
            }

            @Override
            public Connection connect() throws SQLException {
                return db.connect();
            }

            @Override
            public String lastRemark() {
                return Cli.value(db, "SELECT remark FROM converge.history ORDER BY id DESC LIMIT 1");
            }

            @Override
            public String describe() {
                return SchemaDump.comparable(db);
            }
        };
    }
}
