package dev.converge.cli.option;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.ShadowSpec;
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

    @Option(names = "--shadow", paramLabel = "KIND", defaultValue = "embedded",
            description = "Shadow database that normalizes the files: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    public ShadowChoice shadow;

    @Option(names = "--dev-url", paramLabel = "URL",
            description = "Use this empty dev database as the shadow (it is emptied again afterwards).")
    public String devUrl;

    @Option(names = "--ignore", paramLabel = "PATTERN",
            description = "Leave objects matching this pattern alone (audit_*, sales.tmp_*): neither created nor"
                    + " dropped; repeatable. Patterns in DIR/.convergeignore apply too.")
    public List<String> ignore = new ArrayList<>();

    public ShadowSpec shadowSpec(Dialect dialect) {
        if (devUrl != null) {
            if (!dialect.acceptsUrl(devUrl)) {
                throw new ConvergeException(ErrorKind.USAGE, "--dev-url must be a " + dialect.id() + " URL");
            }
            return new ShadowSpec(ShadowSpec.Mode.DEV, dialect.parseUrl(devUrl));
        }
        return shadow == ShadowChoice.server ? ShadowSpec.SERVER : ShadowSpec.EMBEDDED;
    }
}
