package dev.converge.cli.command;

import dev.converge.api.ApplyOptions;
import dev.converge.api.ApplyOutcome;
import dev.converge.api.BackfillListener;
import dev.converge.api.BackfillOutcome;
import dev.converge.api.ConvergePlan;
import dev.converge.api.Messages;
import dev.converge.api.Phase;
import dev.converge.api.Policy;
import dev.converge.api.StopSignal;
import dev.converge.api.TargetSession;
import dev.converge.cli.ExitCodes;
import dev.converge.cli.option.DesiredOptions;
import dev.converge.cli.option.DurationConverter;
import dev.converge.cli.option.FleetOptions;
import dev.converge.cli.option.PhaseOptions;
import dev.converge.cli.option.RunnerOptions;
import dev.converge.cli.option.SafetyOptions;
import dev.converge.cli.option.TargetOptions;
import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * ApplyCommand makes the target match the desired state: from a saved plan (exactly as reviewed, or
 * refused when the target moved on), from a fresh plan, or by resuming an apply that stopped at a
 * checkpoint. It asks for confirmation on a terminal, refuses the steps the safety policy blocks
 * (destructive ones without --allow-destructive, hazards not allowed, locks above --max-lock, steps
 * a data pre-check says will fail), runs every statement with its own timeouts and lock-wait retries,
 * and stops at the next safe point on SIGINT or SIGTERM.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Make the target match the desired state (or run a saved plan, or resume).")
public final class ApplyCommand extends ConvergeCommand {
    @Mixin
    private TargetOptions target;

    @Mixin
    private DesiredOptions desired;

    @Mixin
    private FleetOptions fleet;

    @Option(names = "--report", paramLabel = "FILE",
            description = "With --env: write a JSON report of every target's outcome to FILE.")
    private Path report;

    @Option(names = "--skip-promotion-check",
            description = "With --env: apply even if the environment before this one lacks this desired state"
                    + " (recorded in history).")
    private boolean skipPromotionCheck;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLAN",
            description = "A plan saved with 'converge plan --out PLAN': run exactly its statements.")
    private Path planArgument;

    @Option(names = "--plan", paramLabel = "FILE", description = "The same as the PLAN argument.")
    private Path planOption;

    @Option(names = "--resume",
            description = "Continue the last apply of the target from its last checkpoint (with PLAN: only if it is that"
                    + " plan). With --env: every target whose last apply stopped continues it; the others are applied.")
    private boolean resume;

    @Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
            description = "How long to wait for another apply of the same target to finish: 30s, 5m, 500ms (default: ${DEFAULT-VALUE}).")
    private Duration lockWait;

    @Option(names = "--auto-approve", description = "Apply without asking for confirmation.")
    private boolean autoApprove;

    @Mixin
    private SafetyOptions safety;

    @Mixin
    private RunnerOptions runner;

    @Mixin
    private PhaseOptions phases;

    @Override
    public Integer call() {
        FleetCommands.checkTargetOptions(spec, fleet, target.url, desired.desired);
        // At once, before any planning: without a terminal nobody can answer the question at the end.
        if (!autoApprove && !resume && System.console() == null) {
            throw new ConvergeException(ErrorKind.USAGE,
                    "apply needs --auto-approve when no terminal is attached; nothing was changed");
        }
        if (phases.phase == Phase.CONTRACT && phases.contractFlagSql == null && !fleet.selected()) {
            // An environment's gate may be stated in converge.yaml: the fleet checks that one.
            Phase.confirmContract(phases.confirmContract, System.getenv(Phase.CONFIRM_VARIABLE));
        }
        if (fleet.selected()) {
            return FleetCommands.apply(fleet, safety, desired.ignore, spec, autoApprove, skipPromotionCheck,
                    resume, report, planFile(), this::confirmed, phases);
        }
        PrintWriter out = out();
        PrintWriter err = err();
        SignalStop onSignal = new SignalStop();
        StopSignal stop = onSignal.signal();
        Policy policy = safety.policy(desired.allowUnmanaged);
        try (TargetSession session = desired.planned(target, safety).policy(policy).open()) {
            if (phases.phase == Phase.CONTRACT && phases.contractFlagSql != null) {
                // Read on the target itself, before anything is planned or changed.
                session.confirmContract(phases.confirmContract, System.getenv(Phase.CONFIRM_VARIABLE),
                        phases.contractFlagSql);
            }
            ApplyOptions options = new ApplyOptions(lockWait, runner.settings(), (number, symbol, description) -> {
                err.println("Step " + number + ": " + symbol + " " + description);
                err.flush();
            }, RunnerOptions.retries(err), stop, phases.phase);
            if (resume) {
                Path file = planFile();
                ConvergePlan given = file == null ? null : ConvergePlan.load(file);
                err.println("Resuming the last apply on " + session.display() + " ...");
                err.flush();
                return report(session.resume(given, options), session, null, out);
            }
            ConvergePlan plan = planFile() == null ? planNow(session) : checked(ConvergePlan.load(planFile()), session);
            out.print(plan.render(dev.converge.api.Format.TEXT, policy));
            out.flush();
            plan.requireManaged(policy);
            if (plan.isEmpty() && planFile() == null) {
                return phases.phase == Phase.EXPAND ? backfill(session, plan, stop, out) : ExitCodes.OK;
            }
            // Judged before asking, so that a refused plan asks nothing; the apply judges it again.
            refuseUnsafe(policy, plan, err);
            if (!plan.isEmpty() && !confirmed(out)) {
                out.println("Apply cancelled: nothing was changed.");
                return ExitCodes.ERROR;
            }
            ApplyOutcome outcome = session.apply(plan, options);
            if (phases.phase == Phase.EXPAND) {
                return Math.max(report(outcome, session, plan, out), backfill(session, plan, stop, out));
            }
            return report(outcome, session, plan, out);
        } catch (BadInputException e) {
            err.print(e.render());
            return e.kind().exitCode();
        } catch (ConvergeException e) {
            // Printed here, not by Main: on a signal the JVM ends as soon as this command is done.
            err.println("error: " + Messages.redacted(e.getMessage()));
            return e.kind().exitCode();
        } finally {
            out.flush();
            err.flush();
            onSignal.close();
        }
    }

    /**
     * The closing lines of an apply; {@code applied} is the plan it ran (null for a resume), whose phase tells
     * what is left.
     */
    private int report(ApplyOutcome result, TargetSession session, ConvergePlan applied, PrintWriter out) {
        if (result.historyId() == 0) {
            return ExitCodes.OK; // an empty plan, still true of the target: the plan text said so
        }
        out.printf("Apply complete: %d statements in %d ms (history id %d).%n", result.statementsRun(),
                result.durationMillis(), result.historyId());
        if (result.converged()) {
            out.println("Converged: a new plan against " + session.display() + " is empty.");
            return ExitCodes.OK;
        }
        if (phases.phase == Phase.EXPAND) {
            // What is left is contract's: expand is done when only that remains.
            int left = applied == null ? result.remaining().size() : session.stepsLeftForContract(applied, result);
            out.println("Expand applied: " + Messages.count(left, "step remains", "steps remain")
                    + " for 'converge apply --phase contract'.");
            return ExitCodes.OK;
        }
        out.println("Not converged: the target still differs from the desired state in "
                + Messages.count(result.remaining().size(), "step") + ":");
        result.remaining().forEach(step -> out.println("  " + step));
        return ExitCodes.ERROR;
    }

    /**
     * Runs (or resumes) the backfill of every open sync of the target, after the expand steps: each batch
     * commits with its checkpoint, so a signal stops at the next batch and a new run continues there.
     */
    private int backfill(TargetSession session, ConvergePlan expanded, StopSignal stop, PrintWriter out) {
        PrintWriter err = err();
        BackfillListener progress = phases.progress == PhaseOptions.ProgressFormat.json
                ? new BackfillJsonLines(err)
                : (task, batches, rows, done) -> {
                    out.println(backfillLine(task, batches, rows, done));
                    out.flush();
                };
        BackfillOutcome outcome = session.backfill(expanded, phases.backfill(), progress, stop);
        if (!outcome.finished()) {
            out.println("Backfill interrupted at a checkpoint: run 'converge apply --phase expand' again to"
                    + " resume it.");
            return ExitCodes.ERROR;
        }
        if (!outcome.state().isEmpty()) {
            out.println(outcome.state().substring(0, 1).toUpperCase(Locale.ROOT) + outcome.state().substring(1) + ".");
        }
        return ExitCodes.OK;
    }

    /** {@code Backfill public.people.full_name -> display_name: 3 batches, 2500 rows updated, done.} */
    static String backfillLine(String task, long batches, long rows, boolean done) {
        return "Backfill " + task + ": " + Messages.count(batches, "batch", "batches") + ", "
                + Messages.count(rows, "row") + " updated" + (done ? ", done." : "");
    }

    private Path planFile() {
        if (planArgument != null && planOption != null && !planArgument.equals(planOption)) {
            throw new ConvergeException(ErrorKind.USAGE, "two different plans given: " + planArgument + " and " + planOption);
        }
        return planArgument != null ? planArgument : planOption;
    }

    private ConvergePlan planNow(TargetSession session) {
        ConvergePlan plan = session.plan(desired.desiredState(), phases.phase, runner.settings());
        tell("Desired state: " + plan.desiredState());
        return plan;
    }

    /** A saved plan is for one dialect, one database and its schemas; the schema fingerprint is checked by the apply. */
    private ConvergePlan checked(ConvergePlan saved, TargetSession session) {
        if (desired.desired != null) {
            throw new ConvergeException(ErrorKind.USAGE, "a saved plan already says what to do: drop --desired");
        }
        return session.admit(saved);
    }

    /**
     * Refuses the plan when the safety policy blocks a step (exit 3, nothing touched), naming for each
     * the flag or annotation that allows it; allowed locking steps are listed as a warning.
     */
    private static void refuseUnsafe(Policy policy, ConvergePlan plan, PrintWriter err) {
        Optional<String> refusal = plan.refusal(policy);
        if (refusal.isPresent()) {
            throw new ConvergeException(ErrorKind.REFUSED, refusal.get());
        }
        List<String> locking = plan.lockingSteps(policy);
        if (!locking.isEmpty()) {
            err.println("Warning: " + locking.size() + (locking.size() == 1 ? " step locks" : " steps lock")
                    + " tables while it runs: " + String.join(", ", locking) + ". Use --max-lock to refuse them.");
            err.flush();
        }
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
