package dev.converge.dialect.postgres.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.source.IgnorePatterns;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Objects other tools own are neither created nor dropped: converge:ignore, patterns, .convergeignore. */
class IgnoreTest {
    private final PostgresDialect dialect = new PostgresDialect();

    @TempDir
    Path dir;

    @Test
    void ignoredObjectsAreNeitherCreatedNorDroppedNorChanged() throws IOException, SQLException {
        Files.writeString(dir.resolve("schema.sql"), """
                create table orders (id int primary key);
                -- converge:ignore
                create table scratch (id int, note text);
                """);
        Files.writeString(dir.resolve(IgnorePatterns.FILE_NAME), "# partitions made at run time\naudit_*\n");
        try (LocalPostgres db = LocalPostgres.create("ignore")) {
            // scratch differs from its file; audit_2026 and legacy are not in the files at all.
            db.execute("create table orders (id int primary key); create table scratch (id bigint);"
                    + " create table audit_2026 (x int); create table legacy (x int);");
            List<String> steps = plan(db, List.of()).steps().stream().map(PlanStep::description).toList();
            assertEquals(List.of("drop table public.legacy"), steps);
            assertEquals(List.of(), plan(db, List.of("leg*")).steps().stream().map(PlanStep::description).toList(),
                    "a pattern from the command line (--ignore) leaves legacy alone too");
        }
    }

    @Test
    void anIgnoreOnAColumnIsAnError() throws IOException {
        Files.writeString(dir.resolve("schema.sql"), "create table t (\n  -- converge:ignore\n  a int\n);\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> new DesiredStateResolver(dialect).validate(dir, null, null, null));
        assertEquals(dir.resolve("schema.sql") + ":2:3: converge:ignore on a column is not supported",
                e.diagnostics().get(0).span() + ": " + e.diagnostics().get(0).message());
    }

    private Plan plan(LocalPostgres db, List<String> patterns) throws SQLException {
        DatabaseUrl url = dialect.parseUrl(db.jdbcUrl());
        try (Connection target = dialect.connect(url)) {
            DesiredState desired = new DesiredStateResolver(dialect).resolve(dir.toString(), ShadowSpec.SERVER, url,
                    dialect.version(target), InspectScope.ALL);
            SchemaModel current = dialect.inspector().inspect(target, InspectScope.ALL);
            return Planner.of(dialect).plan(current, desired.model(), "target",
                    desired.source().withIgnorePatterns(patterns));
        }
    }
}
