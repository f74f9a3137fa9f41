package dev.converge.dialect.postgres.annotate;

import dev.converge.engine.safety.SafetyPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.apply.Applier;
import dev.converge.engine.change.Rename;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.PlanTextRenderer;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -- converge:renamed-from} against the real server: a table and a column renamed through
 * annotations keep every row; without the annotations the same files plan a destructive drop and
 * create; once applied, the annotations are no-ops the plan says can go.
 */
class RenameAnnotationTest {
    private static final String CURRENT = """
            create table purchase (id int primary key, amount numeric(10,2) not null check (amount >= 0));
            create index purchase_amount on purchase (amount);
            create table line (purchase_id int references purchase (id), qty int);
            insert into purchase select g, g * 1.5 from generate_series(1, 500) g;
            insert into line select g, 1 from generate_series(1, 500) g;
            """;
    private static final String DESIRED = """
            -- converge:renamed-from purchase
            create table orders (
              id int primary key,
              -- converge:renamed-from amount
              total numeric(10,2) not null check (total >= 0)
            );
            create index purchase_amount on orders (total);
            create table line (purchase_id int references orders (id), qty int);
            """;

    private final PostgresDialect dialect = new PostgresDialect();

    @TempDir
    Path dir;

    @Test
    void annotatedRenamesKeepEveryRowAndConverge() throws IOException, SQLException {
        Files.writeString(dir.resolve("schema.sql"), DESIRED);
        try (LocalPostgres db = LocalPostgres.create("rename")) {
            db.execute(CURRENT);
            DatabaseUrl url = dialect.parseUrl(db.jdbcUrl());
            try (Connection target = dialect.connect(url)) {
                DesiredState desired = resolve(url, target);
                Plan plan = plan(target, desired);
                String text = new PlanTextRenderer().render(plan);
                List<String> renames = plan.steps().stream().filter(s -> s.change() instanceof Rename)
                        .map(PlanStep::description).toList();
                // The constraints PostgreSQL named after the old table and column follow the new names.
                assertEquals(List.of("rename table public.purchase to orders",
                        "rename column public.orders.amount to total",
                        "rename constraint public.orders.purchase_amount_check to orders_total_check",
                        "rename constraint public.orders.purchase_pkey to orders_pkey"), renames, text);
                assertTrue(plan.destructiveSteps().isEmpty(), text);
                assertEquals(List.of(), plan.steps().stream().filter(s -> !(s.change() instanceof Rename))
                        .map(PlanStep::description).toList(), "nothing but the renames\n" + text);
                assertTrue(plan.steps().get(0).hazards().stream()
                        .anyMatch(h -> h.code() == HazardCode.BACKWARD_INCOMPATIBLE), text);
                assertEquals(List.of("ALTER TABLE \"public\".\"purchase\" RENAME TO \"orders\""), plan.steps().get(0).sql());

                new Applier(dialect.history(), Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(target, plan, desired.hash());
                target.setAutoCommit(true);
                assertEquals("500 375.75 187875.00", query(target,
                        "select count(*) || ' ' || avg(total)::numeric(10,2) || ' ' || sum(total) from orders"));
                assertEquals("500", query(target, "select count(*) from line join orders on orders.id = line.purchase_id"));

                Plan again = plan(target, desired);
                assertTrue(again.isEmpty(), new PlanTextRenderer().render(again));
                assertEquals(2, again.notes().size(), again.notes().toString());
                assertTrue(again.notes().get(0).startsWith("converge:renamed-from purchase at " + dir.resolve("schema.sql")
                        + ":1 is no longer needed for this target"), again.notes().toString());
            }
        }
    }

    @Test
    void withoutTheAnnotationsThePlanDropsAndCreatesDestructively() throws IOException, SQLException {
        Files.writeString(dir.resolve("schema.sql"), DESIRED.replaceAll("(?m)^\\s*-- converge:renamed-from.*\\n", ""));
        try (LocalPostgres db = LocalPostgres.create("rename_none")) {
            db.execute(CURRENT);
            DatabaseUrl url = dialect.parseUrl(db.jdbcUrl());
            try (Connection target = dialect.connect(url)) {
                Plan plan = plan(target, resolve(url, target));
                String text = new PlanTextRenderer().render(plan);
                assertTrue(plan.steps().stream().noneMatch(s -> s.change() instanceof Rename), text);
                assertTrue(text.contains("drop table public.purchase"), text);
                assertTrue(text.contains("create table public.orders"), text);
                assertFalse(plan.destructiveSteps().isEmpty(), text);
                assertTrue(plan.destructiveSteps().stream().anyMatch(s -> s.hazards().stream()
                        .anyMatch(h -> h.code() == HazardCode.DATA_LOSS)), text);
            }
        }
    }

    @Test
    void anEnumLabelRenamedKeepsTheRowsThatUseIt() throws IOException, SQLException {
        Files.writeString(dir.resolve("schema.sql"), """
                create type status as enum (
                  'open',
                  -- converge:renamed-from done
                  'closed');
                create table ticket (id int, s status not null default 'closed');
                """);
        try (LocalPostgres db = LocalPostgres.create("rename_label")) {
            db.execute("create type status as enum ('open', 'done');"
                    + " create table ticket (id int, s status not null default 'done');"
                    + " insert into ticket values (1, 'open'), (2, 'done'), (3, 'done');");
            DatabaseUrl url = dialect.parseUrl(db.jdbcUrl());
            try (Connection target = dialect.connect(url)) {
                DesiredState desired = resolve(url, target);
                Plan plan = plan(target, desired);
                String text = new PlanTextRenderer().render(plan);
                assertEquals(List.of("rename value 'done' of enum public.status to 'closed'"),
                        plan.steps().stream().map(PlanStep::description).toList(), text);
                assertEquals(List.of("ALTER TYPE \"public\".\"status\" RENAME VALUE 'done' TO 'closed'"),
                        plan.steps().get(0).sql());
                new Applier(dialect.history(), Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(target, plan, desired.hash());
                target.setAutoCommit(true);
                assertEquals("closed,closed,open", query(target, "select string_agg(s::text, ',' order by s::text) from ticket"));
                assertTrue(plan(target, desired).isEmpty());
            }
        }
    }

    private DesiredState resolve(DatabaseUrl url, Connection target) {
        return new DesiredStateResolver(dialect).resolve(dir.toString(), ShadowSpec.SERVER, url,
                dialect.version(target), InspectScope.ALL);
    }

    private Plan plan(Connection target, DesiredState desired) throws SQLException {
        SchemaModel current = dialect.inspector().inspect(target, InspectScope.ALL);
        return Planner.of(dialect).plan(current, desired.model(), "target", desired.source());
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
