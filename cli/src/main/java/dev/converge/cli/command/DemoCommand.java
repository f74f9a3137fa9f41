package dev.converge.cli.command;

import dev.converge.api.ApplyOutcome;
import dev.converge.api.Converge;
import dev.converge.api.ConvergePlan;
import dev.converge.api.Desired;
import dev.converge.api.EmbeddedServer;
import dev.converge.api.Format;
import dev.converge.api.Policy;
import dev.converge.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * DemoCommand lets anyone try Converge with nothing installed: it starts an embedded PostgreSQL,
 * creates an empty database in it, and for each desired-state directory in turn plans, applies and
 * re-plans, exactly as {@code converge apply --auto-approve --allow-destructive} would against a
 * real server. The embedded server is stopped and deleted at the end.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Try Converge without a server: plan and apply desired states, in turn, to an embedded PostgreSQL.")
public final class DemoCommand extends ConvergeCommand {
    private static final String DATABASE = "converge_demo";

    @Option(names = "--desired", required = true, paramLabel = "DIR",
            description = "Desired-state directory; repeat to apply several versions in order (v1, then v2).")
    private List<String> desired;

    @Override
    public Integer call() {
        printLine("Starting an embedded PostgreSQL (no server needed) ...");
        PrintWriter out = out();
        try (EmbeddedServer server = EmbeddedServer.start("postgres")) {
            // The files load into a throwaway database beside the demo's own: one server for both.
            Converge target = server.createDatabase(DATABASE).serverShadow().policy(Policy.DEFAULT.allowingDestructive());
            out.println("Target: " + target.display() + " (" + server.description() + ")\n");
            for (String dir : desired) {
                if (!converge(target, dir, out)) {
                    return ExitCodes.ERROR;
                }
            }
            out.println("Demo complete; the embedded server is stopped and deleted.");
            return ExitCodes.OK;
        } finally {
            out.flush();
        }
    }

    private static boolean converge(Converge target, String dir, PrintWriter out) {
        out.println("=== converge apply --desired " + dir);
        ConvergePlan plan = target.plainPlan(Desired.location(dir));
        out.print(plan.render(Format.TEXT));
        if (plan.isEmpty()) {
            out.println();
            return true;
        }
        ApplyOutcome result = target.apply(plan);
        out.printf("Apply complete: %d statements in %d ms (destructive steps are allowed in the demo).%n",
                result.statementsRun(), result.durationMillis());
        boolean converged = result.converged();
        out.println(converged ? "Converged: a new plan is empty.\n" : "Not converged: a new plan still has steps.\n");
        out.flush();
        return converged;
    }
}
