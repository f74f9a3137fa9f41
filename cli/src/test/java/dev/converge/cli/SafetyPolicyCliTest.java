package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety policy from the command line: hazard allowances, the maximum lock level, refusal of a
 * step the data would make fail, the Markdown plan; every refusal exits 3, names the flag that allows
 * the step, and leaves the target unchanged.
 */
class SafetyPolicyCliTest {
    @TempDir
    Path dir;

    private LocalPostgres db;

    @BeforeEach
    void createTarget() {
        db = LocalPostgres.create("cli_policy");
        db.execute("CREATE TABLE item (id int PRIMARY KEY, qty int, note text);"
                + " INSERT INTO item VALUES (1, NULL, 'x'), (2, 3, NULL);");
    }

    @AfterEach
    void dropTarget() {
        db.close();
    }

    @Test
    void dataLossIsAllowedByItsHazardCode() throws IOException {
        write("CREATE TABLE item (id int PRIMARY KEY, qty int);");
        Cli.Result refused = apply("--auto-approve", "--allow-hazards", "TABLE_REWRITE").expectExit(3);
        assertTrue(refused.err().contains("--allow-hazards DATA_LOSS"), refused.all());
        Cli.Result applied = apply("--auto-approve", "--allow-hazards", "data_loss").expectExit(0);
        assertTrue(applied.err().contains("Warning: 1 step locks tables while it runs: 1 (ACCESS EXCLUSIVE)"),
                applied.all());
    }

    @Test
    void aLockAboveTheMaximumIsRefusedAndTheFlagNamed() throws IOException {
        write("CREATE TABLE item (id int PRIMARY KEY, qty int, note text); CREATE INDEX item_qty ON item (qty);"
                + " ALTER TABLE item ADD COLUMN extra int;");
        Cli.Result refused = apply("--auto-approve", "--max-lock", "share-update-exclusive").expectExit(3);
        assertTrue(refused.err().contains("takes ACCESS EXCLUSIVE ([ACCESS EXCLUSIVE on public.item]), stronger than"
                + " --max-lock SHARE_UPDATE_EXCLUSIVE; allow with --max-lock ACCESS_EXCLUSIVE"), refused.all());
        assertTrue(!refused.err().contains("create index"), "the concurrent index build is within the maximum: "
                + refused.all());
        Cli.Result badLevel = apply("--auto-approve", "--max-lock", "HUGE").expectExit(64);
        assertTrue(badLevel.err().contains("unknown lock level 'HUGE'; expected one of NONE, ACCESS_SHARE"),
                badLevel.all());
    }

    @Test
    void aStepTheDataWouldFailIsShownAndRefused() throws IOException {
        write("CREATE TABLE item (id int PRIMARY KEY, qty int NOT NULL, note text);");
        Cli.Result plan = Cli.withServerShadow("plan", Cli.url(db), dir.toString()).expectExit(0);
        assertTrue(plan.out().contains("X will fail: 1 row violates: public.item.qty has no NULLs; find it with: SELECT *"
                + " FROM \"public\".\"item\" AS probe_row WHERE \"qty\" IS NULL"), plan.all());
        Cli.Result refused = apply("--auto-approve", "--allow-destructive").expectExit(3);
        assertTrue(refused.err().contains("fix the data first"), refused.all());
        Path saved = dir.resolve("plan.json");
        Cli.Result markdown = Cli.withServerShadow("plan", Cli.url(db), dir.toString(), "--format", "markdown");
        Cli.Result json = Cli.withServerShadow("plan", Cli.url(db), dir.toString(), "--format", "json",
                "--out", saved.toString());
        Cli.Result asked = Cli.withServerShadow("plan", Cli.url(db), dir.toString(), "--show-row-values",
                "--format", "markdown").expectExit(64);
        assertTrue(asked.err().contains("--show-row-values cannot be used with --format markdown"), asked.all());
        for (Cli.Result r : List.of(plan, refused, markdown, json, asked)) {
            assertFalse(r.all().contains(ROW), "a production row was printed: " + r.all());
        }
        assertFalse(java.nio.file.Files.readString(saved).contains(ROW), "a production row is in the plan file");
    }

    /**
     * On a terminal (a pseudo-terminal from util-linux {@code script}), --show-row-values shows the row,
     * in text only; the same run without it shows none.
     */
    @Test
    void rowValuesAreShownOnlyOnATerminalWhenAsked() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")),
                "util-linux script is needed for a pseudo-terminal; this check does not run here");
        write("CREATE TABLE item (id int PRIMARY KEY, qty int NOT NULL, note text);");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String base = java + " -cp " + System.getProperty("java.class.path") + " " + Main.class.getName()
                + " plan --url " + Cli.url(db) + " --desired " + dir + " --shadow server";
        String asked = onTerminal(base + " --show-row-values");
        assertTrue(asked.contains("X will fail: 1 row violates: public.item.qty has no NULLs"), asked);
        assertTrue(asked.contains("e.g. " + ROW), asked);
        String plain = onTerminal(base);
        assertTrue(plain.contains("X will fail: 1 row violates"), plain);
        assertFalse(plain.contains(ROW), plain);
    }

    private Path typescript() {
        return dir.resolve("typescript");
    }

    private String onTerminal(String command) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/script", "-qec", command, typescript().toString())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), output);
        return output.replace("\r", "");
    }

    /** The one row of item, as PostgreSQL prints a row: it must never reach a plan. */
    private static final String ROW = "(1,,x)";

    @Test
    void anAllowAnnotationOnTheTableAllowsItsDataLoss() throws IOException {
        write("-- converge:allow DATA_LOSS\nCREATE TABLE item (id int PRIMARY KEY, qty int);");
        Cli.Result applied = apply("--auto-approve").expectExit(0);
        assertTrue(applied.out().contains("Converged"), applied.all());
    }

    @Test
    void anAllowAnnotationWithAnUnknownCodeIsBadInput() throws IOException {
        write("-- converge:allow EVERYTHING\nCREATE TABLE item (id int PRIMARY KEY, qty int, note text);");
        Cli.Result r = apply("--auto-approve").expectExit(65);
        assertTrue(r.err().contains("converge:allow needs hazard codes, got 'EVERYTHING'"), r.all());
    }

    @Test
    void markdownPlanForAPullRequest() throws IOException {
        write("CREATE TABLE item (id int PRIMARY KEY, qty int);");
        Cli.Result plan = Cli.withServerShadow("plan", Cli.url(db), dir.toString(),
                "--format", "markdown").expectExit(0);
        assertTrue(plan.out().contains("| destructive | 1 |"), plan.all());
        assertTrue(plan.out().contains("> **Apply would refuse 1 step:**"), plan.all());
    }

    private void write(String sql) throws IOException {
        Files.writeString(dir.resolve("schema.sql"), sql);
    }

    private Cli.Result apply(String... flags) {
        List<String> args = new ArrayList<>(List.of("apply", "--url", Cli.url(db), "--shadow", "server",
                "--desired", dir.toString()));
        args.addAll(List.of(flags));
        return Cli.run(args.toArray(String[]::new));
    }
}
