package dev.converge.dialect.postgres.convergence;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * PgDump runs the server's own {@code pg_dump --schema-only} and normalizes its output so that two
 * databases with the same schema give the same text: comment lines, SET lines, set_config calls and
 * blank lines are dropped, and so are the restrict/unrestrict meta-command lines that recent
 * pg_dump releases add with a random key per run; nothing else is reordered unless column order is
 * declared to differ.
 */
final class PgDump {
    private PgDump() {
    }

    static String normalized(String database, boolean sortColumns) {
        List<String> kept = new ArrayList<>();
        for (String line : dump(database).split("\n")) {
            if (line.isBlank() || line.startsWith("--") || line.startsWith("SET ")
                    || line.startsWith("SELECT pg_catalog.set_config")
                    || line.startsWith("\\restrict ") || line.startsWith("\\unrestrict ")) {
                continue;
            }
            kept.add(line);
        }
        return String.join("\n", sortColumns ? sortTableColumns(kept) : kept) + "\n";
    }

    /**
     * Sorts the column lines of each CREATE TABLE, without their trailing commas. PostgreSQL appends
     * added columns at the end (there is no ADD COLUMN ... AFTER), so a case that adds a column in the
     * middle converges in everything but the physical order.
     */
    static List<String> sortTableColumns(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> columns = null;
        for (String line : lines) {
            if (columns == null) {
                out.add(line);
                if (line.startsWith("CREATE TABLE ") && line.endsWith("(")) {
                    columns = new ArrayList<>();
                }
            } else if (line.startsWith(")")) {
                columns.sort(null);
                out.addAll(columns);
                out.add(line);
                columns = null;
            } else {
                columns.add(line.endsWith(",") ? line.substring(0, line.length() - 1) : line);
            }
        }
        return out;
    }

    /**
     * The dump as pg_dump writes it, without psql meta-commands ({@code \\restrict}), so that it can be
     * loaded again over JDBC.
     */
    static String loadable(String database) {
        StringBuilder out = new StringBuilder();
        for (String line : dump(database).split("\n")) {
            if (!line.startsWith("\\")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static String dump(String database) {
        List<String> command = List.of("pg_dump", "--schema-only", "--no-owner", "--no-privileges",
                "--exclude-schema=" + "converge", "-h", LocalPostgres.HOST, "-p", String.valueOf(LocalPostgres.PORT),
                "-U", LocalPostgres.USER, database);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
            if (LocalPostgres.PASSWORD != null) {
                builder.environment().put("PGPASSWORD", LocalPostgres.PASSWORD);
            }
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = process.waitFor();
            if (code != 0) {
                throw new IllegalStateException("pg_dump " + database + " exited " + code + ": " + err);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run pg_dump", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running pg_dump", e);
        }
    }
}
