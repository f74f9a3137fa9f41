package dev.converge.cli.command;

import dev.converge.engine.workflow.KnownSchemas;
import dev.converge.engine.workflow.PlanChecks;
import dev.converge.engine.workflow.Planning;
import dev.converge.engine.workflow.Target;
import dev.converge.cli.ExitCodes;
import dev.converge.cli.option.DesiredOptions;
import dev.converge.cli.option.FleetOptions;
import dev.converge.cli.option.DurationConverter;
import dev.converge.cli.option.PhaseOptions;
import dev.converge.cli.option.RunnerOptions;
import dev.converge.engine.apply.ApplyContext;
import dev.converge.engine.plan.phase.Backfill;
import dev.converge.engine.plan.phase.ColumnSync;
import dev.converge.engine.plan.phase.ContractGate;
import dev.converge.engine.plan.phase.Phase;
import dev.converge.engine.plan.phase.PhasedPlanning;
import dev.converge.cli.option.SafetyOptions;
import dev.converge.cli.option.TargetOptions;
import dev.converge.engine.apply.Applier;
import dev.converge.engine.apply.ApplyInterrupt;
import dev.converge.engine.apply.ApplyResult;
import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.diag.Plural;
import dev.converge.engine.diag.Redaction;
import dev.converge.engine.json.SavedPlanJson;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.LockLevel;
import dev.converge.engine.plan.PlanTextRenderer;
import dev.converge.engine.plan.SavedPlan;
import dev.converge.engine.safety.SafetyPolicy;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.spi.DialectRegistry;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import dev.converge.engine.safety.HazardCode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
public final class ApplyCommand implements Callable<Integer> {
    /** How long SIGINT/SIGTERM waits for the apply to roll back its group and record the checkpoint. */
    private static final long SHUTDOWN_GRACE_SECONDS = 60;

    private final DialectRegistry dialects;

    @Spec
    private CommandSpec spec;

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

    /**
     * Hazards allowed per object by {@code -- converge:allow} in the desired files of a fresh plan;
     * empty for a saved plan (whose files are not read again).
     */
    private Map<String, Set<HazardCode>> annotated = Map.of();

    /** The NULL fills of a fresh expand plan's columns that contract makes NOT NULL; none for a saved plan. */
    private List<dev.converge.engine.plan.phase.NullFill> nullFills = List.of();

    /** The objects a fresh plan left alone (ignores), for the convergence check; none for a saved plan. */
    private SourceModel leftAlone = SourceModel.unparsed(List.of());

    public ApplyCommand(DialectRegistry dialects) {
        this.dialects = dialects;
    }

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
            ContractGate.check(phases.confirmContract, System.getenv(ContractGate.VARIABLE));
        }
        if (fleet.selected()) {
            return FleetCommands.apply(fleet, safety, desired.ignore, spec, autoApprove, skipPromotionCheck,
                    resume, report, planFile(), this::confirmed, phases);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ApplyInterrupt interrupt = new ApplyInterrupt();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onSignal = new Thread(() -> {
            interrupt.request();
            await(finished);
        }, "converge-apply-signal");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try (Target db = Target.open(dialects, target.url)) {
            if (phases.phase == Phase.CONTRACT && phases.contractFlagSql != null) {
                // Read on the target itself, before anything is planned or changed.
                ContractGate.check(phases.confirmContract, System.getenv(ContractGate.VARIABLE),
                        ContractGate.flagSet(db.connection(), phases.contractFlagSql));
            }
            Applier applier = new Applier(db.dialect(), Clock.systemUTC()).interrupt(interrupt).lockWait(lockWait)
                    .executor(runner.runner(db.dialect().sessionTimeouts(), err))
                    .listener((connection, step) -> {
                        err.println("Step " + step.number() + ": " + step.symbol() + " " + step.description());
                        err.flush();
                    });
            if (phases.phase != null) {
                applier.context(new ApplyContext(null, null, null, "phase " + phases.phase.word()));
            }
            ApplyResult result;
            if (resume) {
                Path file = planFile();
                SavedPlan given = file == null ? null : load(file);
                err.println("Resuming the last apply on " + db.url().display() + " ...");
                err.flush();
                result = applier.policy(safety.policy()).resume(db.connection(), given, given != null ? Set.copyOf(given.schemas())
                        : target.schemas.isEmpty() ? null : Set.copyOf(target.schemas));
            } else {
                SavedPlan saved = planFile() == null ? planNow(db) : checked(load(planFile()), db);
                applier.source(leftAlone);
                Plan plan = saved.plan();
                out.print(new PlanTextRenderer().withFlags(safety.policy().withAllowedOn(annotated),
                        desired.allowUnmanaged).render(plan));
                out.flush();
                desired.refuseUnmanaged(plan);
                if (plan.isEmpty() && planFile() == null) {
                    return phases.phase == Phase.EXPAND ? backfill(db, interrupt, out) : ExitCodes.OK;
                }
                // Judged before asking, so that a refused plan asks nothing; the applier judges it again.
                SafetyPolicy policy = safety.policy().withAllowedOn(annotated);
                refuseUnsafe(policy, plan, err);
                if (!plan.isEmpty() && !confirmed(out)) {
                    out.println("Apply cancelled: nothing was changed.");
                    return ExitCodes.ERROR;
                }
                result = applier.policy(policy).apply(db.connection(), saved);
            }
            if (phases.phase == Phase.EXPAND && !resume) {
                return Math.max(report(result, db, out), backfill(db, interrupt, out));
            }
            return report(result, db, out);
        } catch (BadInputException e) {
            err.print(e.render());
            return e.kind().exitCode();
        } catch (ConvergeException e) {
            // Printed here, not by Main: on a signal the JVM ends as soon as this command is done.
            err.println("error: " + Redaction.text(e.getMessage()));
            return e.kind().exitCode();
        } finally {
            out.flush();
            err.flush();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it returns now that the apply has finished.
            }
        }
    }

    private int report(ApplyResult result, Target db, PrintWriter out) {
        if (result.historyId() == 0) {
            return ExitCodes.OK; // an empty plan, still true of the target: the plan text said so
        }
        out.printf("Apply complete: %d statements in %d ms (history id %d).%n", result.statementsRun(),
                result.durationMillis(), result.historyId());
        if (result.converged()) {
            out.println("Converged: a new plan against " + db.url().display() + " is empty.");
            return ExitCodes.OK;
        }
        if (phases.phase == Phase.EXPAND) {
            // What is left is contract's: expand is done when only that remains.
            out.println("Expand applied: " + Plural.count(result.remaining().size(), "step remains", "steps remain")
                    + " for 'converge apply --phase contract'.");
            return ExitCodes.OK;
        }
        out.println("Not converged: the target still differs from the desired state in "
                + Plural.count(result.remaining().size(), "step") + ":");
        result.remaining().forEach(step -> out.println("  " + step));
        return ExitCodes.ERROR;
    }

    /**
     * Runs (or resumes) the backfill of every open sync of the target, after the expand steps: each batch
     * commits with its checkpoint, so a signal stops at the next batch and a new run continues there.
     */
    private int backfill(Target db, ApplyInterrupt interrupt, PrintWriter out) {
        dev.converge.engine.model.SchemaModel live = db.inspect(target.scope());
        List<ColumnSync> syncs = ColumnSync.of(live);
        List<dev.converge.engine.plan.phase.ParallelChange> changes = dev.converge.engine.plan.phase.ParallelChange.open(live);
        List<dev.converge.engine.plan.phase.BackfillTask> open = new java.util.ArrayList<>(syncs);
        open.addAll(nullFills);
        Backfill backfill = new Backfill(db.dialect().expandContract().orElseThrow(), phases.backfill(),
                (sync, batches, rows, done) -> {
                    out.println("Backfill " + sync.display() + ": " + Plural.count(batches, "batch", "batches") + ", "
                            + Plural.count(rows, "row") + " updated" + (done ? ", done." : ""));
                    out.flush();
                }, interrupt::requested);
        try {
            for (dev.converge.engine.plan.phase.BackfillTask sync : open) {
                if (!backfill.run(db.connection(), sync).finished()) {
                    out.println("Backfill interrupted at a checkpoint: run 'converge apply --phase expand' again to"
                            + " resume it.");
                    return ExitCodes.ERROR;
                }
            }
        } catch (java.sql.SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "the backfill stopped: " + e.getMessage() + ". Every batch"
                    + " before it is committed; run 'converge apply --phase expand' again to resume.", e);
        }
        if (!changes.isEmpty()) {
            out.println(PhasedPlanning.state(changes).substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + PhasedPlanning.state(changes).substring(1) + ".");
        }
        return ExitCodes.OK;
    }

    private Path planFile() {
        if (planArgument != null && planOption != null && !planArgument.equals(planOption)) {
            throw new ConvergeException(ErrorKind.USAGE, "two different plans given: " + planArgument + " and " + planOption);
        }
        return planArgument != null ? planArgument : planOption;
    }

    private SavedPlan planNow(Target db) {
        Planning planning = Planning.run(db, desired.request(db.dialect(), target.scope(), safety.pipeline())).withLimits(runner.limits());
        KnownSchemas.require(target.scope(), db, planning.current(), planning.desired().model());
        PhasedPlanning phased = PhasedPlanning.of(db, planning, phases.phase, safety.pipeline().strategies())
                .withLimits(runner.limits());
        annotated = phased.allowances(planning.desired().source().allowancesByName());
        nullFills = dev.converge.engine.plan.phase.PhasedPlans.nullFills(planning.plan(), planning.current());
        leftAlone = planning.source();
        spec.commandLine().getErr().println("Desired state: " + planning.desired().description());
        spec.commandLine().getErr().flush();
        return phased.saved();
    }

    private static SavedPlan load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.USAGE, "cannot read the plan " + file + ": " + e.getMessage());
        }
        return SavedPlanJson.read(text, file.toString());
    }

    /** A saved plan is for one dialect and one database; the schema fingerprint is checked by the applier. */
    private SavedPlan checked(SavedPlan saved, Target db) {
        if (desired.desired != null) {
            throw new ConvergeException(ErrorKind.USAGE, "a saved plan already says what to do: drop --desired");
        }
        PlanChecks.refuseOtherTarget(saved, db);
        if (!target.scope().schemas().isEmpty() && !target.scope().schemas().equals(java.util.Set.copyOf(saved.schemas()))) {
            throw new ConvergeException(ErrorKind.USAGE, "the plan manages " + (saved.schemas().isEmpty() ? "every schema"
                    : "schemas " + saved.schemas()) + "; drop --schema or make a plan for " + target.scope().schemas());
        }
        return saved;
    }

    /** {@code 2 (ACCESS EXCLUSIVE)}; a step that rewrites or scans without a table lock recorded says so, not "no lock". */
    private static String lockShown(PlanStep step) {
        LockLevel lock = step.safety().strongestLock();
        return step.number() + " (" + (lock == LockLevel.NONE ? "rewrites or scans a table" : lock.sql()) + ")";
    }

    /**
     * Refuses the plan when the safety policy blocks a step (exit 3, nothing touched), naming for each
     * the flag or annotation that allows it; allowed locking steps are listed as a warning.
     */
    private static void refuseUnsafe(SafetyPolicy policy, Plan plan, PrintWriter err) {
        List<SafetyPolicy.Refusal> refusals = policy.refusals(plan);
        if (!refusals.isEmpty()) {
            throw new ConvergeException(ErrorKind.REFUSED, SafetyPolicy.describe(refusals));
        }
        List<PlanStep> locking = policy.warnings(plan);
        if (!locking.isEmpty()) {
            err.println("Warning: " + locking.size() + (locking.size() == 1 ? " step locks" : " steps lock")
                    + " tables while it runs: " + locking.stream().map(ApplyCommand::lockShown)
                    .collect(Collectors.joining(", "))
                    + ". Use --max-lock to refuse them.");
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

    private static void await(CountDownLatch finished) {
        try {
            finished.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
