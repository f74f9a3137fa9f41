package dev.converge.cli.command;

import dev.converge.cli.ExitCodes;
import dev.converge.cli.option.DesiredOptions;
import dev.converge.cli.option.TargetOptions;
import dev.converge.engine.apply.ApplyResult;
import dev.converge.engine.apply.Applier;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.PlanTextRenderer;
import dev.converge.engine.spi.DialectRegistry;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * ApplyCommand plans, shows the plan, asks for confirmation on a terminal, refuses destructive steps
 * without --allow-destructive, applies in one transaction, and re-plans to report convergence.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Make the target match the desired state.")
public final class ApplyCommand implements Callable<Integer> {
    private final DialectRegistry dialects;

    @Spec
    private CommandSpec spec;

    @Mixin
    private TargetOptions target;

    @Mixin
    private DesiredOptions desired;

    @Option(names = "--auto-approve", description = "Apply without asking for confirmation.")
    private boolean autoApprove;

    @Option(names = "--allow-destructive", description = "Allow steps that lose data (drop a table or column, narrow a type).")
    private boolean allowDestructive;

    public ApplyCommand(DialectRegistry dialects) {
        this.dialects = dialects;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Target db = Target.open(dialects, target.url)) {
            Planning planning = Planning.run(db, desired, target.scope());
            spec.commandLine().getErr().println("Desired state: " + planning.desired.description());
            spec.commandLine().getErr().flush();
            Plan plan = planning.plan;
            out.print(new PlanTextRenderer().render(plan));
            out.flush();
            desired.refuseUnmanaged(plan);
            if (plan.isEmpty()) {
                return ExitCodes.OK;
            }
            refuseDestructive(plan);
            if (!confirmed(out)) {
                out.println("Apply cancelled: nothing was changed.");
                return ExitCodes.ERROR;
            }
            ApplyResult result = new Applier(db.dialect.history(), Clock.systemUTC()).apply(db.connection, plan,
                    planning.desired.hash());
            out.printf("Apply complete: %d steps, %d statements in %d ms (history id %d).%n", plan.steps().size(),
                    result.statementsRun(), result.durationMillis(), result.historyId());
            Plan after = Planning.replan(db, planning.desired.model(), target.scope());
            if (after.isEmpty()) {
                out.println("Converged: a new plan against " + db.url.display() + " is empty.");
                return ExitCodes.OK;
            }
            out.println("Not converged: the target still differs from the desired state in "
                    + after.steps().size() + " steps:");
            out.print(new PlanTextRenderer().render(after));
            return ExitCodes.ERROR;
        } finally {
            out.flush();
        }
    }

    private void refuseDestructive(Plan plan) {
        List<PlanStep> destructive = plan.destructiveSteps();
        if (destructive.isEmpty() || allowDestructive) {
            return;
        }
        StringBuilder message = new StringBuilder("refusing to apply: ").append(destructive.size())
                .append(destructive.size() == 1 ? " step loses" : " steps lose").append(" data:\n");
        destructive.forEach(step -> message.append("  ").append(step.symbol()).append(' ').append(step.number())
                .append(". ").append(step.description()).append('\n'));
        message.append("Nothing was changed. Re-run with --allow-destructive to allow them.");
        throw new ConvergeException(ErrorKind.REFUSED, message.toString());
    }

    /** Asks on the terminal; without one, --auto-approve is required (CI must say so explicitly). */
    private boolean confirmed(PrintWriter out) {
        if (autoApprove) {
            return true;
        }
        Console console = System.console();
        if (console == null) {
            throw new ConvergeException(ErrorKind.USAGE,
                    "apply needs --auto-approve when no terminal is attached; nothing was changed");
        }
        out.print("Do you want to perform these actions? Only 'yes' will be accepted: ");
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return "yes".equals(answer == null ? null : answer.trim());
        } catch (IOException e) {
            return false;
        }
    }
}
