package dev.converge.cli.command;

import dev.converge.api.FleetOutcome;
import dev.converge.api.Messages;
import dev.converge.cli.ExitCodes;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * ReportMergeCommand joins the JSON reports of the shards of one fleet apply ({@code apply --env
 * NAME --shard K/N --report FILE}) into one fleet summary, as if one job had applied them all; see
 * {@link FleetOutcome#mergeShards}. It reads files only, and its exit code is the whole fleet's.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Join the JSON reports of the shards of a fleet apply (apply --env NAME --shard K/N --report"
                + " FILE) into one fleet summary. Reads files only; exits as the whole fleet's apply would.")
public final class ReportMergeCommand extends ConvergeCommand {
    @Parameters(paramLabel = "REPORT", arity = "1..*", description = "The shards' JSON reports, one per shard.")
    private List<Path> reports = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the merged JSON report here.")
    private Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (the summary an apply prints) or json (the merged report). Default: ${DEFAULT-VALUE}.")
    private String format;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new ConvergeException(ErrorKind.USAGE, "--format is text or json, not " + format);
        }
        FleetOutcome merged = FleetOutcome.mergeShards(reports);
        String json = merged.report();
        PrintWriter stdout = out();
        if (format.equals("json")) {
            stdout.print(json);
        } else {
            stdout.println("Merged " + Messages.count(reports.size(), "report") + ": " + Messages.count(merged.targets().size(), "target") + " of "
                    + merged.environment() + ".");
            stdout.print(merged.summary());
        }
        if (out != null) {
            FleetCommands.write(out, json);
            if (format.equals("text")) {
                stdout.println("Report written to " + out);
            }
        }
        stdout.flush();
        return ExitCodes.of(merged);
    }
}
