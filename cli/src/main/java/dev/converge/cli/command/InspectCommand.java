package dev.converge.cli.command;

import dev.converge.api.InspectedSchema;
import dev.converge.api.Messages;
import dev.converge.cli.ExitCodes;
import dev.converge.cli.option.TargetOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * InspectCommand writes the live schema as desired-state SQL, so a team can adopt Converge on an
 * existing database: {@link InspectedSchema}, printed or one file per schema.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Write the target's schema as desired-state SQL.")
public final class InspectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private TargetOptions target;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write one file per schema (<schema>.sql) into DIR instead of printing.")
    private Path out;

    @Override
    public Integer call() {
        InspectedSchema schema = target.converge().inspect();
        warnUnmanaged(schema);
        PrintWriter writer = spec.commandLine().getOut();
        if (out == null) {
            writer.print(schema.text());
        } else {
            schema.writeTo(out, file -> writer.println("wrote " + file));
        }
        writer.flush();
        return ExitCodes.OK;
    }

    /** Objects Converge cannot write out yet are named on stderr, never left out silently. */
    private void warnUnmanaged(InspectedSchema schema) {
        if (schema.unmanaged().isEmpty()) {
            return;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("warning: " + Messages.count(schema.unmanaged().size(), "object is", "objects are")
                + " not managed by Converge yet, so not in the output:");
        schema.unmanaged().forEach(o -> err.println("  ? " + o));
        err.flush();
    }
}
