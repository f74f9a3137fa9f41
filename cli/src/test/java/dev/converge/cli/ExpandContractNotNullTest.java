package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NOT NULL on a populated column, in two phases: expand sets the default (the running release's
 * inserts without the column get it) and fills the NULL rows in batches; contract, refused until
 * the fill has finished and the team's flag query confirms it, sets NOT NULL; then no NULL is left and
 * a new plan is empty.
 */
@Tag("slow")
class ExpandContractNotNullTest {
    private static final String V1 = "CREATE TABLE accounts (id bigint NOT NULL PRIMARY KEY, plan varchar(20));\n";
    private static final String V2 = "CREATE TABLE accounts (id bigint NOT NULL PRIMARY KEY,"
            + " plan varchar(20) NOT NULL DEFAULT 'free');\n";

    @TempDir
    Path dir;

    @Test
    void postgres() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("expand_nn")) {
            rollOut(Cli.url(db), db::connect);
        }
    }

    @Test
    void mysql() throws Exception {
        try (LocalMariadb.Database db = LocalMariadb.Database.create("expand_nn")) {
            rollOut(db.url(), db::connect);
        }
    }

    private void rollOut(String url, AppLoop.Connector connector) throws Exception {
        Path v1 = write("v1/accounts.sql", V1);
        Path v2 = write("v2/accounts.sql", V2);
        Cli.withServerShadow("apply", url, v1.toString(), "--auto-approve").expectExit(0);
        try (Connection c = connector.connect(); Statement st = c.createStatement()) {
            for (int i = 1; i <= 900; i++) {
                st.addBatch("INSERT INTO accounts (id, plan) VALUES (" + i + ", " + (i % 3 == 0 ? "NULL" : "'pro'") + ")");
            }
            st.executeBatch();
        }
        Cli.Result expandPlan = Cli.withServerShadow("plan", url, v2.toString(), "--phase", "expand",
                "--backfill-batch", "100").expectExit(0);
        assertTrue(expandPlan.out().contains("set default"), expandPlan.all());
        assertTrue(expandPlan.out().contains("1 step remains for 'converge apply --phase contract'"), expandPlan.all());
        assertTrue(expandPlan.err().contains("NULL -> default: 9 batches of up to 100 rows"), expandPlan.all());

        Cli.Result early = Cli.withServerShadow("apply", url, v2.toString(), "--phase", "contract", "--auto-approve",
                "--confirm-contract").expectExit(3);
        assertTrue(early.err().contains("has not finished"), early.all());

        Cli.Result expand = Cli.withServerShadow("apply", url, v2.toString(), "--phase", "expand", "--auto-approve",
                "--backfill-batch", "100").expectExit(0);
        assertTrue(expand.out().contains("300 rows updated, done."), expand.all());
        try (Connection c = connector.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO accounts (id) VALUES (1000)"); // the running release knows no plan column
        }

        // The team's flag, read on the target, gates contract as --confirm-contract does.
        Cli.Result flagOff = Cli.withServerShadow("apply", url, v2.toString(), "--phase", "contract", "--auto-approve",
                "--contract-flag-sql", "SELECT 1 = 0").expectExit(3);
        assertTrue(flagOff.err().contains("have --contract-flag-sql return true"), flagOff.all());
        Cli.Result contract = Cli.withServerShadow("apply", url, v2.toString(), "--phase", "contract", "--auto-approve",
                "--contract-flag-sql", "SELECT 1 = 1").expectExit(0);
        assertTrue(contract.out().contains("Converged"), contract.all());
        try (Connection c = connector.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), sum(CASE WHEN plan = 'free' THEN 1 ELSE 0 END) FROM accounts")) {
            rs.next();
            assertEquals(901, rs.getLong(1));
            assertEquals(301, rs.getLong(2));
        }
        Cli.withServerShadow("plan", url, v2.toString(), "--detailed-exitcode").expectExit(0);
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file.getParent();
    }
}
