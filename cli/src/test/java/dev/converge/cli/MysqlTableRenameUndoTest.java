package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.dialect.mysql.sql.MysqlExpandContractSql;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.phase.OldNameView;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On MariaDB every statement of a table rename's expand commits on its own, so an apply can stop after
 * any of them; its undo (the step's inverse, each statement's failure ignored, as an apply runs it)
 * must then bring back the table under its old name with every row, and never drop a table.
 */
class MysqlTableRenameUndoTest {
    private static final QualifiedName PEOPLE = QualifiedName.of("db", "people");

    @Test
    void undoingAnExpandStoppedAfterAnyStatementLeavesTheTableAsItWas() throws Exception {
        MysqlExpandContractSql sql = new MysqlExpandContractSql();
        List<DdlStatement> expand = sql.renameTableBehindView(PEOPLE, "persons", List.of("id", "full_name"),
                OldNameView.marker("people", "persons"));
        List<DdlStatement> undo = sql.undoRenameTableBehindView(PEOPLE, "persons");
        for (int ran = 0; ran <= expand.size(); ran++) {
            try (LocalMariadb.Database db = LocalMariadb.Database.create("table_undo");
                 Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE people (id bigint PRIMARY KEY, full_name text NOT NULL)");
                st.execute("INSERT INTO people VALUES (1, 'a'), (2, 'b'), (3, 'c')");
                for (DdlStatement statement : expand.subList(0, ran)) {
                    st.execute(statement.sql());
                }
                for (DdlStatement statement : undo) {
                    try {
                        st.execute(statement.sql());
                    } catch (SQLException nothingToUndo) {
                        // As an apply runs an inverse after a failure: a statement with nothing to undo fails.
                    }
                }
                assertEquals("people BASE TABLE", tables(st), "after " + ran + " statements");
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM people")) {
                    rs.next();
                    assertEquals(3, rs.getInt(1), "after " + ran + " statements");
                }
            }
        }
    }

    private static String tables(Statement st) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (ResultSet rs = st.executeQuery("SHOW FULL TABLES")) {
            while (rs.next()) {
                all.append(all.isEmpty() ? "" : ", ").append(rs.getString(1)).append(' ').append(rs.getString(2));
            }
        }
        return all.toString();
    }
}
