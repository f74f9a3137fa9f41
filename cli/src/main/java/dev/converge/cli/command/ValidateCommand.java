package dev.converge.cli.command;

import dev.converge.api.Desired;
import dev.converge.api.Validation;
import dev.converge.cli.ExitCodes;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * ValidateCommand checks the desired-state files the way plan reads them (split, parse, order,
 * load into a shadow) and reports every problem, with no target database: exit 0 when they are
 * fine, 65 when not. With --no-shadow it only parses and orders, which takes well under a second
 * and suits an editor's on-save hook.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the desired-state files: syntax, annotations, references, and loading into a shadow.")
public final class ValidateCommand extends ConvergeCommand {
    @Option(names = "--desired", required = true, paramLabel = "DIR",
            description = "Desired state: a directory of .sql files (recursive) or a .sql file.")
    private Path desired;

    @Option(names = "--dialect", defaultValue = "postgres", paramLabel = "ID",
            description = "Dialect of the files (default: ${DEFAULT-VALUE}).")
    private String dialectId;

    @Option(names = "--no-shadow", description = "Only parse and order the files; start no database.")
    private boolean noShadow;

    @Option(names = "--dev-url", paramLabel = "URL",
            description = "Load into this empty dev database instead of an embedded server (emptied afterwards).")
    private String devUrl;

    @Override
    public Integer call() {
        Validation validation = Validation.of(dialectId);
        validation = noShadow ? validation.withoutShadow() : devUrl != null ? validation.devShadow(devUrl) : validation;
        String summary = validation.validate(Desired.directory(desired));
        printLine("The desired state is valid: " + summary + ".");
        return ExitCodes.OK;
    }
}
