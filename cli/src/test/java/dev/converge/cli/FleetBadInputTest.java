package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in converge.yaml and on the command line: clear errors, distinct exit codes, no secrets, nothing touched. */
class FleetBadInputTest {
    @TempDir
    Path dir;

    private Path config(String yaml) throws IOException {
        Files.createDirectories(dir.resolve("schema"));
        Files.writeString(dir.resolve("schema/a.sql"), "CREATE TABLE t (id int);\n");
        return Files.writeString(dir.resolve("converge.yaml"), yaml);
    }

    @Test
    void aBadConfigIsReportedAtLineAndColumn() throws IOException {
        Path file = config("desired: schema\nenvironments:\n  prod:\n    url: postgresql://localhost/x\n"
                + "    tenants:\n      mode: schema\n      template_schema: app\n      list: [a]\n      paralelism: 4\n");
        Cli.Result r = Cli.run("plan", "--env", "prod", "--config", file.toString()).expectExit(65);
        assertTrue(r.err().contains(file + ":9:7: error: unknown key 'paralelism'"), r.all());
        assertTrue(r.err().contains("expected one of: canary, discover, failure_budget, list, mode, on_error,"
                + " parallelism, schema, template_schema, url"), r.all());
    }

    @Test
    void anUnsetVariableNamesItselfAndWhereItIsUsed() throws IOException {
        Path file = config("desired: schema\nenvironments:\n  prod:\n    url: ${env:CONVERGE_TEST_UNSET_PROD_URL}\n");
        Cli.Result r = Cli.run("plan", "--env", "prod", "--config", file.toString()).expectExit(64);
        assertTrue(r.err().contains(file + ":4:10: environment variable CONVERGE_TEST_UNSET_PROD_URL is not set"),
                r.all());
    }

    @Test
    void statusReportsAnUnreachableEnvironmentWithoutHidingTheRest() throws IOException {
        Path file = config("desired: schema\nenvironments:\n  dev:\n    url: ${env:CONVERGE_TEST_UNSET_DEV_URL}\n");
        Cli.Result r = Cli.run("status", "--config", file.toString()).expectExit(1);
        assertTrue(r.out().startsWith("ENVIRONMENT"), r.all());
        assertTrue(r.err().contains("error: environment dev: " + file + ":4:10: environment variable"
                + " CONVERGE_TEST_UNSET_DEV_URL is not set"), r.all());
    }

    @Test
    void passwordsInTheFileAreNeverPrinted() throws IOException {
        Path file = config("desired: schema\nshadow: server\nenvironments:\n  prod:\n"
                + "    url: postgresql://postgres:sekrit-pw@127.0.0.1:1/nowhere\n");
        Cli.Result r = Cli.run("plan", "--env", "prod", "--config", file.toString()).expectExit(1);
        assertFalse(r.all().contains("sekrit-pw"), r.all());
        assertTrue(r.err().contains("127.0.0.1"), r.all());
    }

    @Test
    void envAndUrlTogetherAndUnknownEnvironmentsAreUsageErrors() throws IOException {
        Path file = config("desired: schema\nenvironments:\n  dev:\n    url: postgresql://localhost/x\n");
        Cli.Result both = Cli.run("plan", "--env", "dev", "--url", "postgresql://localhost/y", "--config",
                file.toString()).expectExit(64);
        assertTrue(both.err().contains("drop --url and --desired"), both.all());
        Cli.Result unknown = Cli.run("apply", "--env", "qa", "--config", file.toString(), "--auto-approve")
                .expectExit(64);
        assertTrue(unknown.err().contains("no environment 'qa'"), unknown.all());
        assertTrue(unknown.err().contains("environments: dev"), unknown.all());
        Cli.Result missing = Cli.run("status", "--config", dir.resolve("nope.yaml").toString()).expectExit(64);
        Cli.Result noUrl = Cli.run("plan", "--desired", dir.resolve("schema").toString()).expectExit(64);
        assertTrue(noUrl.err().contains("--url"), noUrl.all());
    }
}
