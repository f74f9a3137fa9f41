package dev.converge.cli;


import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;

/**
 * {@code converge demo} on the shop example, v1 then v2, against its own embedded PostgreSQL: the whole
 * output pinned (a golden file), with what changes from run to run (the server's port and version, the
 * durations) masked.
 */
class DemoCommandTest {
    @Test
    void demoAppliesEachVersionInTurnAndConverges() {
        Cli.Result demo = Cli.run("demo", "--desired", "../examples/shop/v1", "--desired", "../examples/shop/v2")
                .expectExit(ExitCodes.OK);
        Approvals.verify(machineIndependent(demo.out()), new Options().withReporter(new QuietReporter()));
    }

    private static String machineIndependent(String text) {
        return text.replaceAll(":\\d+/converge_demo", ":PORT/converge_demo")
                .replaceAll("\\(embedded PostgreSQL[^)\\n]*\\)", "(embedded PostgreSQL)")
                .replaceAll("in \\d+ ms", "in N ms");
    }
}
