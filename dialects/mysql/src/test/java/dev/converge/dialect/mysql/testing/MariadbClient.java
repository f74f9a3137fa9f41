package dev.converge.dialect.mysql.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * MariadbClient runs the server's own command-line tools against the local server: the {@code mariadb}
 * client that loads a file as a team would ({@code mariadb db < file.sql}), and {@code mariadb-dump},
 * whose output is the reference a converged schema is compared with. Tests that need them are skipped
 * with a message saying so where the tools are not installed.
 */
public final class MariadbClient {
    private MariadbClient() {
    }

    /** Skips the calling test, visibly, when the client tools are not on the PATH. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(installed("mariadb") && installed("mariadb-dump"),
                "the mariadb and mariadb-dump client tools are not installed: the reference cannot be built");
    }

    /** Loads a file into the database as {@code mariadb database < file} does. */
    public static void load(String database, Path file) {
        run(List.of("mariadb"), database, file);
    }

    /** {@code mariadb-dump} of the database with the given options, AUTO_INCREMENT counters removed. */
    public static String dump(String database, String... options) {
        List<String> command = new ArrayList<>(List.of("mariadb-dump", "--skip-comments", "--skip-dump-date"));
        command.addAll(List.of(options));
        return run(command, database, null).replaceAll(" AUTO_INCREMENT=\\d+", "");
    }

    private static String run(List<String> tool, String database, Path input) {
        List<String> command = new ArrayList<>(tool);
        command.addAll(List.of("-h", LocalMysql.HOST, "-P", String.valueOf(LocalMysql.PORT), "-u", LocalMysql.USER));
        command.add(database);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (LocalMysql.PASSWORD != null) {
            builder.environment().put("MYSQL_PWD", LocalMysql.PASSWORD);
        }
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", tool) + " failed on " + database + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + tool.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean installed(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
