package dev.converge.cli;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A converge project in a directory whose one environment, prod, is the tenant schemas t_{tenant} of
 * one PostgreSQL database, each built from the desired files' schema app (schema/app.sql), planned
 * with a server shadow: the shape of the schema-per-tenant fleet tests.
 */
final class TenantSchemaProject {
    private TenantSchemaProject() {
    }

    /** Writes {@code sql} as the desired state, schema/app.sql. */
    static void desired(Path dir, String sql) throws IOException {
        Files.createDirectories(dir.resolve("schema"));
        Files.writeString(dir.resolve("schema/app.sql"), sql);
    }

    /**
     * Writes converge.yaml with {@code projectSettings} (YAML lines of the project, such as an ignore
     * list; may be empty): prod's tenants are {@code tenants}, applied {@code parallelism} at a time,
     * going on past a failing tenant within a budget of one failure.
     */
    static Path config(Path dir, LocalPostgres db, String projectSettings, List<String> tenants, int parallelism)
            throws IOException {
        return write(dir, db, projectSettings, """
                list: [%s]
                parallelism: %d
                on_error: continue
                failure_budget: 1
                """.formatted(String.join(", ", tenants), parallelism));
    }

    /** As {@link #config}, but prod's tenants are the rows {@code query} reads on the target, and a failure stops. */
    static Path discovering(Path dir, LocalPostgres db, String projectSettings, String query, int parallelism)
            throws IOException {
        return write(dir, db, projectSettings, "discover: " + query + "\nparallelism: " + parallelism + "\n");
    }

    /** converge.yaml with prod's tenant settings {@code tenantSettings} (YAML lines) after the template's. */
    private static Path write(Path dir, LocalPostgres db, String projectSettings, String tenantSettings)
            throws IOException {
        return Files.writeString(dir.resolve("converge.yaml"), """
                dialect: postgres
                desired: schema
                shadow: server
                %senvironments:
                  prod:
                    url: %s
                    tenants:
                      mode: schema
                      schema: t_{tenant}
                      template_schema: app
                %s""".formatted(projectSettings, Cli.url(db), tenantSettings.indent(6)));
    }
}
