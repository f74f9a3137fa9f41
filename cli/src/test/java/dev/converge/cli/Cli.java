package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.spi.DialectRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Cli runs the converge command in-process, exactly as {@code main} wires it, capturing both streams. */
final class Cli {
    private static final DialectRegistry DIALECTS = DialectRegistry.fromServiceLoader();

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
        /** Both streams, for failure messages and for "never printed" checks. */
        String all() {
            return "--- exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }

        /** Asserts the exit code, showing both streams when it differs; returns this result for the next checks. */
        Result expectExit(int expected) {
            assertEquals(expected, exitCode, all());
            return this;
        }
    }

    private Cli() {
    }

    /** A postgresql:// URL for a test database (the CLI's documented URL form). */
    static String url(LocalPostgres db) {
        return "postgresql://" + LocalPostgres.USER + (LocalPostgres.PASSWORD == null ? "" : ":" + LocalPostgres.PASSWORD)
                + "@" + LocalPostgres.HOST + ":" + LocalPostgres.PORT + "/" + db.database();
    }

    /** Runs a command of a project: {@code --config FILE} is added to the arguments. */
    static Result inProject(java.nio.file.Path configFile, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--config";
        all[args.length + 1] = configFile.toString();
        return run(all);
    }

    /**
     * Runs {@code command} (plan, apply, lint...) of the target {@code url} against the desired state
     * {@code desired}, normalized in a shadow database on the target's own server (no embedded server to
     * start); {@code more} are the command's other arguments.
     */
    static Result withServerShadow(String command, String url, String desired, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--url", url, "--desired", desired, "--shadow", "server"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    /** The first column of the first row of a query on a test database, as text. */
    static String value(LocalPostgres db, String query) {
        try (java.sql.Connection c = db.connect(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    static Result run(String... args) {
        CommandLine cli = Main.commandLine(DIALECTS);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
