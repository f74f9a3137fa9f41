package dev.converge.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.api.Converge;
import dev.converge.api.HistoryCheckpoint;
import dev.converge.api.HistoryRecord;
import dev.converge.cli.ExitCodes;
import dev.converge.cli.option.TargetOptions;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** HistoryCommand lists the applies recorded in the target, newest first; {@code history show ID} tells one. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the applies recorded in the target (converge.history), newest first.",
        subcommands = HistoryCommand.Show.class)
public final class HistoryCommand extends ConvergeCommand {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    // Not the TargetOptions mixin: its required --url would be demanded before 'show' too.
    @Option(names = "--url", paramLabel = "URL",
            description = "Target database: postgresql://user[:password]@host[:port]/db or a JDBC URL.")
    private String url;

    @Mixin
    private ReportFormatOption format;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "At most N applies (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Override
    public Integer call() {
        PrintWriter out = out();
        if (url == null) {
            throw new ConvergeException(ErrorKind.USAGE, "missing --url URL: the database whose history to list");
        }
        Converge target = Converge.target(url);
        try {
            List<HistoryRecord> entries = target.history(limit);
            if (format.json()) {
                ArrayNode array = JSON.createArrayNode();
                entries.forEach(e -> array.add(summary(e)));
                out.println(JSON.writeValueAsString(array));
            } else if (entries.isEmpty()) {
                out.println("No applies recorded on " + target.display() + ".");
            } else {
                out.printf("%-6s %-20s %-12s %-12s %-14s %-12s %9s %5s%n", "ID", "TIME (UTC)", "USER", "DESIRED",
                        "GIT COMMIT", "STATUS", "DURATION", "STEPS");
                for (HistoryRecord e : entries) {
                    out.printf("%-6d %-20s %-12s %-12s %-14s %-12s %7dms %5d%n", e.id(),
                            e.appliedAt().toString().replace('T', ' ').replaceFirst("\\.\\d+", "").replace("Z", ""),
                            e.databaseUser(), shorten(e.desiredHash()), shorten(e.gitCommit()), e.status(),
                            e.durationMillis(), steps(e));
                }
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot read the history: " + e.getMessage(), e);
        } finally {
            out.flush();
        }
    }

    static ObjectNode summary(HistoryRecord e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", e.id());
        node.put("appliedAt", e.appliedAt().toString());
        node.put("user", e.databaseUser());
        node.put("desiredHash", e.desiredHash());
        node.put("gitCommit", e.gitCommit());
        node.put("status", e.status());
        node.put("outcome", e.outcome());
        node.put("durationMs", e.durationMillis());
        node.put("steps", steps(e));
        return node;
    }

    static int steps(HistoryRecord e) {
        try {
            return JSON.readTree(e.planJson()).path("steps").size();
        } catch (java.io.IOException ex) {
            return 0;
        }
    }

    private static String shorten(String hash) {
        if (hash == null) {
            return "-";
        }
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    /** {@code converge history show ID}: one apply, its steps with their SQL and checkpoints. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one apply: its steps, their SQL and checkpoints.")
    public static final class Show extends ConvergeCommand {
        @Mixin
        private TargetOptions target;

        @picocli.CommandLine.Parameters(index = "0", paramLabel = "ID", description = "The apply's id (see converge history).")
        private long id;

        @Mixin
        private ReportFormatOption format;

        @Override
        public Integer call() {
            PrintWriter out = out();
            Converge db = Converge.target(target.url);
            try {
                HistoryRecord entry = db.historyEntry(id).orElseThrow(() ->
                        new ConvergeException(ErrorKind.ERROR, "no apply #" + id + " on " + db.display()
                                + "; 'converge history' lists them"));
                List<HistoryCheckpoint> checkpoints = db.checkpoints(id);
                var plan = JSON.readTree(entry.planJson());
                if (format.json()) {
                    ObjectNode node = summary(entry);
                    node.set("plan", plan);
                    ArrayNode cps = node.putArray("checkpoints");
                    for (HistoryCheckpoint c : checkpoints) {
                        cps.addObject().put("step", c.step()).put("stepId", c.stepId()).put("group", c.group())
                                .put("status", c.status()).put("startedAt", c.startedAt().toString())
                                .put("finishedAt", c.finishedAt().toString()).put("statement", c.statement())
                                .put("error", c.error()).put("fingerprint", c.fingerprint());
                    }
                    out.println(JSON.writeValueAsString(node));
                    return ExitCodes.OK;
                }
                out.println("Apply #" + entry.id() + " on " + plan.path("target").asText() + ": " + entry.status());
                out.println("  at " + entry.appliedAt() + " by " + entry.databaseUser() + ", " + entry.durationMillis() + " ms");
                out.println("  desired " + entry.desiredHash() + (entry.gitCommit() == null ? "" : ", git " + entry.gitCommit()));
                out.println("  outcome: " + entry.outcome());
                out.println();
                for (var step : plan.path("steps")) {
                    int number = step.path("number").asInt();
                    String status = checkpoints.stream().filter(c -> c.step() == number)
                            .reduce((a, b) -> b).map(HistoryCheckpoint::status).orElse("not run");
                    out.println(number + ". " + step.path("symbol").asText() + " " + step.path("description").asText()
                            + "  [" + status + "]");
                    for (var sql : step.path("sql")) {
                        out.println("     " + sql.asText().replace("\n", "\n     ") + ";");
                    }
                }
                List<HistoryCheckpoint> failed = checkpoints.stream().filter(c -> c.error() != null).toList();
                failed.forEach(c -> out.println("\nStep " + c.step() + " " + c.status() + ": " + c.error()));
                return ExitCodes.OK;
            } catch (IOException e) {
                throw new ConvergeException(ErrorKind.ERROR, "cannot read the history: " + e.getMessage(), e);
            } finally {
                out.flush();
            }
        }
    }
}
