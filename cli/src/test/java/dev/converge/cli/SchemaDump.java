package dev.converge.cli;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * SchemaDump takes a {@code pg_dump --schema-only} snapshot of a test database, including the
 * converge bookkeeping schema, so a test can prove that a refused or failed command changed nothing.
 * pg_dump is independent of Converge's own inspector, so an inspector blind spot cannot hide a change.
 */
final class SchemaDump {
    private SchemaDump() {
    }

    static String of(LocalPostgres db) {
        return dump(db, List.of());
    }

    /** The user's schema only: without the converge bookkeeping schema that apply creates. */
    static String withoutBookkeeping(LocalPostgres db) {
        return dump(db, List.of("--exclude-schema=converge"));
    }

    /**
     * The user's schema as two databases built differently can be compared: without the bookkeeping
     * schema, comments, blank lines and session settings (pg_dump's header and the owners' names
     * of the archive entries say nothing about the schema).
     */
    static String comparable(LocalPostgres db) {
        return withoutBookkeeping(db).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("--") && !line.startsWith("SET ")
                        && !line.startsWith("SELECT pg_catalog.set_config"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    private static String dump(LocalPostgres db, List<String> options) {
        List<String> command = new ArrayList<>(List.of("pg_dump", "--schema-only", "--no-owner", "--no-privileges",
                "-h", LocalPostgres.HOST, "-p", String.valueOf(LocalPostgres.PORT), "-U", LocalPostgres.USER));
        command.addAll(options);
        command.add(db.database());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (LocalPostgres.PASSWORD != null) {
            pb.environment().put("PGPASSWORD", LocalPostgres.PASSWORD);
        }
        try {
            Process process = pb.start();
            String dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pg_dump failed: " + dump);
            }
            // The header names the tool's version and recent pg_dump wraps the dump in \restrict lines with
            // a random key; neither says anything about the schema.
            return dump.lines().filter(line -> !line.startsWith("-- Dumped") && !line.startsWith("\\restrict")
                    && !line.startsWith("\\unrestrict")).reduce("", (a, b) -> a + b + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot run pg_dump", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running pg_dump", e);
        }
    }
}
