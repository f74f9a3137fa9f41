package dev.converge.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's acceptance on MariaDB/MySQL: a column rename ({@link RenameRollout}), a table rename
 * ({@link TableRenameRollout}), a type change ({@link TypeChangeRollout}) and NOT NULL on a populated
 * column ({@link NotNullRollout}). Every DDL statement commits on its own, so the order of contract's
 * steps is all that keeps the application's writes working (the type change's swap holds the table's
 * write lock from the sync's drop to the rename).
 */
@Tag("slow")
class ExpandContractMysqlTest {
    @TempDir
    Path dir;

    @Test
    void aRenamedColumnIsExpandedBackfilledAndContractedUnderLoad() throws Exception {
        try (LocalMariadb.Database db = LocalMariadb.Database.create("expand_my");
             LocalMariadb.Database fresh = LocalMariadb.Database.create("expand_my_fresh")) {
            RenameRollout.run(database(db), database(fresh), "BEFORE INSERT ON `people`");
        }
    }

    @Test
    void aRenamedTableIsExpandedAndContractedUnderLoad() throws Exception {
        try (LocalMariadb.Database db = LocalMariadb.Database.create("expand_tbl_my");
             LocalMariadb.Database fresh = LocalMariadb.Database.create("expand_tbl_my_fresh")) {
            TableRenameRollout.run(database(db, "persons"), database(fresh, "persons"), "RENAME TABLE `persons` TO `converge_gone_persons`",
                    "db");
        }
    }

    @Test
    void aRetypedColumnIsExpandedBackfilledAndSwappedUnderLoad() throws Exception {
        try (LocalMariadb.Database db = LocalMariadb.Database.create("xtype_my");
             LocalMariadb.Database fresh = LocalMariadb.Database.create("xtype_my_fresh")) {
            TypeChangeRollout.run(database(db), database(fresh), "BEFORE INSERT ON `people`", "varchar(200)", "db");
        }
    }

    @Test
    void aColumnMadeNotNullIsDefaultedBackfilledAndConstrainedUnderLoad() throws Exception {
        try (LocalMariadb.Database db = LocalMariadb.Database.create("xnn_my");
             LocalMariadb.Database fresh = LocalMariadb.Database.create("xnn_my_fresh")) {
            NotNullRollout.run(database(db), database(fresh), dir, "db");
        }
    }

    static RenameRollout.Database database(LocalMariadb.Database db) {
        return database(db, "people");
    }

    /* describe(): the database's tables and views, and how the server writes {@code table}. */
    private static RenameRollout.Database database(LocalMariadb.Database db, String table) {
        return new RenameRollout.Database() {
            @Override
            public String url() {
                return db.url();
            }

            @Override
            public Connection connect() throws SQLException {
                return db.connect();
            }

            @Override
            public String lastRemark() throws SQLException {
                try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement(
                        "SELECT remark FROM converge.history WHERE target_database = ? ORDER BY id DESC LIMIT 1")) {
                    st.setString(1, db.name());
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        return rs.getString(1);
                    }
                }
            }

            @Override
            public String describe() throws SQLException {
                StringBuilder all = new StringBuilder();
                try (Connection c = db.connect(); Statement st = c.createStatement()) {
                    try (ResultSet rs = st.executeQuery("SHOW FULL TABLES")) {
                        while (rs.next()) {
                            all.append(rs.getString(1)).append(' ').append(rs.getString(2)).append('\n');
                        }
                    }
                    try (ResultSet rs = st.executeQuery("SHOW CREATE TABLE " + table)) {
                        rs.next();
                        return all.append(rs.getString(2)).toString();
                    }
                }
            }
        };
    }
}
