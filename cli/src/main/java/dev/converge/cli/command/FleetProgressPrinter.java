package dev.converge.cli.command;

import dev.converge.api.Messages;
import dev.converge.api.TargetProgress;
import dev.converge.api.TargetResult;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * FleetProgressPrinter shows a rollout as it goes: on a terminal a progress bar redrawn in place,
 * with a line for each target that did not end well; elsewhere (CI logs) one plain line per target.
 * Each committed batch of an expand's backfill gets a line of its own, named by its target.
 */
final class FleetProgressPrinter implements TargetProgress {
    private static final int BAR = 30;

    private final PrintWriter out;
    private final boolean terminal;

    FleetProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void finished(TargetResult outcome, int done, int total) {
        String line = String.format(Locale.ROOT, "[%" + digits(total) + "d/%d] %s%s: %s%s", done, total,
                outcome.name(), outcome.canary() ? " (canary)" : "", outcome.status(), detail(outcome));
        if (!terminal) {
            out.println(line);
        } else {
            if (outcome.failed()) {
                out.print("\r\033[K" + line + "\n");
            }
            int filled = total == 0 ? BAR : done * BAR / total;
            out.print("\r\033[K[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + done + "/" + total);
            if (done == total) {
                out.println();
            }
        }
        out.flush();
    }

    /** A line per committed batch, named by its target, above the bar on a terminal. */
    @Override
    public synchronized void backfill(String target, String task, long batches, long rowsUpdated, boolean finished) {
        String line = target + ": " + ApplyCommand.backfillLine(task, batches, rowsUpdated, finished);
        out.print(terminal ? "\r\033[K" + line + "\n" : line + "\n");
        out.flush();
    }

    private static String detail(TargetResult o) {
        if (o.applied()) {
            return " (" + Messages.count(o.steps(), "step") + ", " + o.durationMillis() + " ms)";
        }
        return o.message() == null ? "" : " - " + o.message().lines().findFirst().orElse("");
    }

    private static int digits(int n) {
        return String.valueOf(n).length();
    }
}
