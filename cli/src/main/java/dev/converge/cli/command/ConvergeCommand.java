package dev.converge.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * ConvergeCommand is what every command shares: picocli's spec of the command line, and its two
 * streams. Standard output carries the result (a plan, a report: what a pipe or a file takes), standard
 * error what is said to the person running it; each write is flushed at once, because a command may be
 * followed by a long wait (a lock, a confirmation) or end on a signal.
 */
public abstract class ConvergeCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    /** The result stream: what a pipe or a file takes. */
    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The stream of what is said to the person running the command. */
    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Writes {@code text} to the result stream as it is (it ends its own lines), flushed. */
    protected final void print(String text) {
        out().print(text);
        out().flush();
    }

    /** Writes one line to the result stream, flushed. */
    protected final void printLine(String line) {
        out().println(line);
        out().flush();
    }

    /** Says one line on standard error, flushed. */
    protected final void tell(String line) {
        err().println(line);
        err().flush();
    }
}
