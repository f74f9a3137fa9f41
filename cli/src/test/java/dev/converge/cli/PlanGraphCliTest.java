package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan --format dot and the Mermaid graph of plan --format markdown, through the command line on the
 * local PostgreSQL; --format dot with --env is a usage error (an environment has several plans), and
 * --format markdown with --env shows each group's plan with its graph.
 */
class PlanGraphCliTest {
    private static final String SCHEMA = """
            CREATE SCHEMA app;
            CREATE TABLE app.customers (id int PRIMARY KEY);
            CREATE TABLE app.orders (id int PRIMARY KEY, customer_id int REFERENCES app.customers (id));
            """;

    @TempDir
    Path dir;

    @Test
    void dotAndMermaidDrawTheDependenciesOfThePlan() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), SCHEMA);
        try (LocalPostgres db = LocalPostgres.create("cli_graph")) {
            String url = Cli.url(db);
            Cli.Result dot = Cli.withServerShadow("plan", url, dir.toString(), "--format", "dot").expectExit(0);
            assertTrue(dot.out().startsWith("digraph plan {\n"), dot.all());
            assertTrue(dot.out().matches("(?s).*s(\\d+) \\[label=\"\\1\\. \\+ create table app\\.orders.*"), dot.all());
            assertTrue(dot.out().matches("(?s).*s1 -> s\\d+;.*"), "the schema comes before its tables:\n" + dot.all());

            Cli.Result markdown = Cli.withServerShadow("plan", url, dir.toString(),
                    "--format", "markdown").expectExit(0);
            assertTrue(markdown.out().contains("#### Dependency graph\n\n```mermaid\nflowchart TD\n"), markdown.all());
            assertTrue(markdown.out().indexOf("```mermaid") < markdown.out().indexOf("#### Steps"), markdown.all());

            Files.writeString(dir.resolve("converge.yaml"), """
                    dialect: postgres
                    desired: .
                    shadow: server
                    environments:
                      dev:
                        url: %s
                    """.formatted(url));
            Cli.Result env = Cli.inProject(dir.resolve("converge.yaml"), "plan", "--env", "dev", "--format", "dot")
                    .expectExit(64);
            assertTrue(env.err().contains("converge report --env dev"), env.all());

            // Issue 18: an environment's plan as a pull-request comment, each group's plan with its graph.
            Cli.Result envMarkdown = Cli.inProject(dir.resolve("converge.yaml"), "plan", "--env", "dev", "--format",
                    "markdown").expectExit(0);
            assertTrue(envMarkdown.out().startsWith("### Converge plan for environment `dev`\n"), envMarkdown.all());
            assertTrue(envMarkdown.out().contains("| plan A | 1 | 4 | 0 | dev |"), envMarkdown.all());
            assertTrue(envMarkdown.out().contains("### Plan A: 1 target\n"), envMarkdown.all());
            assertTrue(envMarkdown.out().contains("```mermaid\nflowchart TD\n"), envMarkdown.all());
        }
    }
}
