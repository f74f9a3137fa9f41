package dev.converge.cli.command;

import dev.converge.cli.ExitCodes;
import dev.converge.cli.option.DesiredOptions;
import dev.converge.cli.option.RunnerOptions;
import dev.converge.cli.option.SafetyOptions;
import dev.converge.engine.safety.SafetyPolicy;
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
 * ApplyCommand plans, shows the plan, asks for confirmation on a terminal, refuses the steps the safety
 * policy blocks (destructive ones without --allow-destructive, hazards not allowed, locks above
 * --max-lock, steps that fail on the data), applies, and re-plans to report convergence.
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

    @Mixin
    private SafetyOptions safety;

    @Mixin
    private RunnerOptions runner;

    public ApplyCommand(DialectRegistry dialects) {
        this.dialects = dialects;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Target db = Target.open(dialects, target.url)) {
            Planning planning = Planning.run(db, desired, target.scope(), safety);
            spec.commandLine().getErr().println("Desired state: " + planning.desired.description());
            spec.commandLine().getErr().flush();
            Plan plan = planning.plan;
            out.print(new PlanTextRenderer().render(plan));
            out.flush();
            if (plan.isEmpty()) {
                return ExitCodes.OK;
            }
            refuseUnsafe(plan);
            if (!confirmed(out)) {
                out.println("Apply cancelled: nothing was changed.");
                return ExitCodes.ERROR;
            }
            ApplyResult result = new Applier(db.dialect.history(), Clock.systemUTC(), runner.runner(err()))
                    .apply(db.connection, plan, planning.desired.hash());
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

    /**
     * Refuses the plan when the policy blocks a step (exit 3, nothing touched), naming for each the flag
     * or annotation that allows it; locking steps that are allowed are listed as a warning.
     */
    private void refuseUnsafe(Plan plan) {
        SafetyPolicy policy = safety.policy();
        List<SafetyPolicy.Refusal> refusals = policy.refusals(plan);
        if (!refusals.isEmpty()) {
            throw new ConvergeException(ErrorKind.REFUSED, SafetyPolicy.describe(refusals));
        }
        List<PlanStep> locking = policy.warnings(plan);
        if (!locking.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("Warning: " + locking.size() + (locking.size() == 1 ? " step locks" : " steps lock")
                    + " tables while it runs: " + locking.stream().map(s -> s.number() + " (" + s.safety().strongestLock().sql()
                    + ")").collect(java.util.stream.Collectors.joining(", ")) + ". Use --max-lock to refuse them.");
            err.flush();
        }
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
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
