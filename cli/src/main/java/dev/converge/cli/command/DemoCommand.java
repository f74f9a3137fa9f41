package dev.converge.cli.command;

import dev.converge.engine.workflow.Planning;
import dev.converge.engine.workflow.Target;
import dev.converge.cli.ExitCodes;
import dev.converge.engine.apply.ApplyResult;
import dev.converge.engine.apply.Applier;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanTextRenderer;
import dev.converge.engine.plan.SavedPlan;
import dev.converge.engine.safety.SafetyPolicy;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.DialectRegistry;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.Shadow;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * DemoCommand lets anyone try Converge with nothing installed: it starts an embedded PostgreSQL,
 * creates an empty database in it, and for each desired-state directory in turn plans, applies and
 * re-plans, exactly as {@code converge apply --auto-approve --allow-destructive} would against a
 * real server. The embedded server is stopped and deleted at the end.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Try Converge without a server: plan and apply desired states, in turn, to an embedded PostgreSQL.")
public final class DemoCommand implements Callable<Integer> {
    private static final String DATABASE = "converge_demo";

    private final DialectRegistry dialects;

    @Spec
    private CommandSpec spec;

    @Option(names = "--desired", required = true, paramLabel = "DIR",
            description = "Desired-state directory; repeat to apply several versions in order (v1, then v2).")
    private List<String> desired;

    public DemoCommand(DialectRegistry dialects) {
        this.dialects = dialects;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Dialect dialect = dialects.byId("postgres");
        out.println("Starting an embedded PostgreSQL (no server needed) ...");
        out.flush();
        try (Shadow server = dialect.shadows().open(ShadowSpec.EMBEDDED, null, null)) {
            createDatabase(server);
            DatabaseUrl url = server.url().withDatabase(DATABASE);
            out.println("Target: " + url.display() + " (" + server.description() + ")\n");
            try (Target db = Target.open(dialect, url)) {
                for (String dir : desired) {
                    if (!converge(db, dir, out)) {
                        return ExitCodes.ERROR;
                    }
                }
            }
            out.println("Demo complete; the embedded server is stopped and deleted.");
            return ExitCodes.OK;
        } finally {
            out.flush();
        }
    }

    private boolean converge(Target db, String dir, PrintWriter out) {
        out.println("=== converge apply --desired " + dir);
        DesiredState state = new DesiredStateResolver(db.dialect()).resolve(dir, ShadowSpec.SERVER, db.url(), db.version(),
                InspectScope.ALL);
        Plan plan = Planning.replan(db, state, InspectScope.ALL);
        out.print(new PlanTextRenderer().render(plan));
        if (plan.isEmpty()) {
            out.println();
            return true;
        }
        SavedPlan saved = new SavedPlan(plan, List.of(), db.inspect(InspectScope.ALL), state.model(), state.hash(), null);
        ApplyResult result = new Applier(db.dialect(), Clock.systemUTC())
                .policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(db.connection(), saved);
        out.printf("Apply complete: %d statements in %d ms (destructive steps are allowed in the demo).%n",
                result.statementsRun(), result.durationMillis());
        boolean converged = result.converged();
        out.println(converged ? "Converged: a new plan is empty.\n" : "Not converged: a new plan still has steps.\n");
        out.flush();
        return converged;
    }

    private static void createDatabase(Shadow server) {
        try (Statement st = server.connection().createStatement()) {
            st.execute("CREATE DATABASE \"" + DATABASE + "\"");
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot create the demo database: " + e.getMessage(), e);
        }
    }
}
