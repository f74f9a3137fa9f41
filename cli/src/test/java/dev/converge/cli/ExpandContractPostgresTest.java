package dev.converge.cli;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's acceptance on PostgreSQL: a column rename ({@link RenameRollout}), a table rename
 * ({@link TableRenameRollout}), a type change ({@link TypeChangeRollout}) and NOT NULL on a populated
 * column ({@link NotNullRollout}).
 */
@Tag("slow")
class ExpandContractPostgresTest {
    @TempDir
    Path dir;

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

    @Test
    void aRetypedColumnIsExpandedBackfilledAndSwappedUnderLoad() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("xtype_pg"); LocalPostgres fresh = LocalPostgres.create("xtype_pg_fresh")) {
            TypeChangeRollout.run(database(db), database(fresh),
                    "ADD COLUMN \"converge_new_full_name\" character varying(200);", "character varying(200)", "public");
        }
    }

    @Test
    void aColumnMadeNotNullIsDefaultedBackfilledAndConstrainedUnderLoad() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("xnn_pg"); LocalPostgres fresh = LocalPostgres.create("xnn_pg_fresh")) {
            NotNullRollout.run(database(db), database(fresh), dir, "public");
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
