package dev.converge.cli.command;

import picocli.CommandLine.Option;

/** ReportFormatOption is the {@code --format} of the reports that are text or JSON (status, drift, history). */
public final class ReportFormatOption {
    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private ReportFormat format;

    /** Whether the report is asked for in JSON (else text). */
    public boolean json() {
        return format == ReportFormat.json;
    }
}
