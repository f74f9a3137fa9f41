package dev.converge.cli.command;

import dev.converge.api.InspectedSchema;
import dev.converge.api.Messages;
import dev.converge.cli.ExitCodes;
import dev.converge.cli.option.TargetOptions;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * InspectCommand writes the live schema as desired-state SQL, so a team can adopt Converge on an
 * existing database: {@link InspectedSchema}, printed or one file per schema.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Write the target's schema as desired-state SQL.")
public final class InspectCommand extends ConvergeCommand {
    @Mixin
    private TargetOptions target;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write one file per schema (<schema>.sql) into DIR instead of printing.")
    private Path out;

    @Override
    public Integer call() {
        InspectedSchema schema = target.converge().inspect();
        warnUnmanaged(schema);
        if (out == null) {
            print(schema.text());
        } else {
            schema.writeTo(out, file -> printLine("wrote " + file));
        }
        return ExitCodes.OK;
    }

    /** Objects Converge cannot write out yet are named on stderr, never left out silently. */
    private void warnUnmanaged(InspectedSchema schema) {
        if (schema.unmanaged().isEmpty()) {
            return;
        }
        tell("warning: " + Messages.count(schema.unmanaged().size(), "object is", "objects are")
                + " not managed by Converge yet, so not in the output:");
        schema.unmanaged().forEach(o -> tell("  ? " + o));
    }
}
