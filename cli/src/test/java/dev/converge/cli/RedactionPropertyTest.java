package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The redaction property (issue 14, item 1): hundreds of URL shapes, well-formed and malformed, each
 * holding a known secret, are thrown at every command in every place a URL goes (--url, --desired,
 * --dev-url, diff's --from and --to, converge.yaml, a stray argument); the secret never appears on
 * stdout, stderr or in any file written. The generator is seeded, so a failure names a shape that
 * fails again.
 */
@Tag("slow")
class RedactionPropertyTest {
    private static final long SEED = 14L;
    private static final int SHAPES = 120;
    private static final String[] SCHEMES = {"postgresql://", "postgresql:/", "postgresql:", "postgresql:///", "postgres://",
            "POSTGRESQL://", "jdbc:postgresql://", "jdbc:postgresql:", "mysql://", "mysql:/", "mysql:", "mariadb://",
            "mariadb//", "mariadb:", "jdbc:mariadb://", "jdbc:mysql:/", "pg://", "//", "", "postgresql//"};
    private static final String[] HOSTS = {"127.0.0.1:1/x", "localhost:1/x", "127.0.0.1:99999/x", "127.0.0.1:1",
            "127.0.0.1:1/x?sslmode=disable", "[::1]:1/d", "127.0.0.1,127.0.0.2:1/x", "", "/x", "127.0.0.1:%zz/x"};
    private static final String PUNCTUATION = "!$^*()_+-=.~@:/#?&%,;'[]{}|<>";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    @TempDir
    Path dir;

    /** One URL shape and the secret core it hides: the core is what must never be printed. */
    record Shape(String url, String core) {
    }

    static List<Shape> shapes(long seed, int n) {
        Random random = new Random(seed);
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder core = new StringBuilder("Zq");
            for (int k = 0; k < 10; k++) {
                core.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
            }
            StringBuilder secret = new StringBuilder(core);
            for (int k = random.nextInt(4); k > 0; k--) {
                secret.append(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
            }
            String scheme = SCHEMES[random.nextInt(SCHEMES.length)];
            String host = HOSTS[random.nextInt(HOSTS.length)];
            String user = random.nextBoolean() ? "app" : random.nextBoolean() ? "" : "r.o-ot";
            String url = switch (random.nextInt(6)) {
                case 0, 1, 2 -> scheme + user + ":" + secret + "@" + host;
                case 3 -> scheme + host + (host.contains("?") ? "&" : "?") + "user=" + user + "&"
                        + new String[] {"password", "PASSWORD", "pass", "pwd"}[random.nextInt(4)] + "=" + secret;
                case 4 -> scheme + host + ";password=" + secret + ";user=" + user;
                default -> "host=127.0.0.1 port=1 user=" + user + " password=" + secret + " dbname=x";
            };
            shapes.add(new Shape(url, core.toString()));
        }
        return shapes;
    }

    @Test
    void noCommandEverShowsTheSecretOfAnyUrlShape() throws IOException {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id int PRIMARY KEY);\n");
        Path out = Files.createDirectories(dir.resolve("out"));
        try (LocalPostgres db = LocalPostgres.create("trust_redact")) {
            String good = Cli.url(db);
            String desired = dir.resolve("schema.sql").getParent().toString();
            int runs = 0;
            for (Shape shape : shapes(SEED, SHAPES)) {
                String u = shape.url();
                Path config = dir.resolve("converge.yaml");
                Files.writeString(config, "dialect: postgres\ndesired: " + desired + "\nshadow: server\n"
                        + "environments:\n  dev:\n    url: '" + u.replace("'", "''") + "'\n");
                Path plan = out.resolve("plan.json");
                List<String[]> commands = List.of(
                        new String[] {"plan", "--url", u, "--desired", desired, "--shadow", "server", "--out", plan.toString()},
                        new String[] {"plan", "--url", good, "--desired", u, "--format", "json"},
                        new String[] {"plan", "--url", good, "--desired", desired, "--dev-url", u},
                        new String[] {"plan", "--url", good, "--desired", desired, "--format", "markdown", u},
                        new String[] {"apply", "--url", u, "--desired", desired, "--shadow", "server", "--auto-approve",
                                "--report", out.resolve("report.json").toString()},
                        new String[] {"inspect", "--url", u, "--out", out.resolve("inspect").toString()},
                        new String[] {"lint", "--url", u, "--desired", desired, "--shadow", "server", "--format", "sarif"},
                        new String[] {"diff", "--from", u, "--to", good},
                        new String[] {"diff", "--from", desired, "--to", u, "--shadow", "server"},
                        new String[] {"history", "--url", u},
                        new String[] {"validate", "--desired", desired, "--dev-url", u},
                        new String[] {"drift", "--env", "dev", "--config", config.toString()},
                        new String[] {"status", "--config", config.toString()},
                        new String[] {"plan", "--env", "dev", "--config", config.toString()},
                        new String[] {"apply", "--env", "dev", "--config", config.toString(), "--auto-approve"});
                for (String[] args : commands) {
                    Cli.Result r = Cli.run(args);
                    runs++;
                    assertFalse(r.all().contains(shape.core()), "the secret of " + u + " leaked by "
                            + String.join(" ", args).replace(u, "<URL>") + ":\n" + r.all());
                    assertNoFileHolds(out, shape, args);
                }
            }
            assertTrue(runs >= 1000, "hundreds of shapes at every command: " + runs);
        }
    }

    /** A separate JVM: what a driver or library logs to the real stderr is caught too. */
    @Test
    void aSeparateProcessNeverShowsTheSecretEither() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id int PRIMARY KEY);\n");
        Path log = dir.resolve("process.log");
        for (Shape shape : shapes(SEED + 1, 6)) {
            for (List<String> args : List.of(List.of("plan", "--url", shape.url(), "--desired", dir.toString(), "--shadow", "server"),
                    List.of("diff", "--from", shape.url(), "--to", dir.toString()))) {
                List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                        Main.class.getName()));
                command.addAll(args);
                Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                assertTrue(child.waitFor(120, TimeUnit.SECONDS), "converge exits");
                String output = Files.readString(log, StandardCharsets.UTF_8);
                assertTrue(child.exitValue() != 0, output);
                assertFalse(output.contains(shape.core()), "the secret of " + shape.url() + " leaked:\n" + output);
            }
        }
    }

    private static void assertNoFileHolds(Path out, Shape shape, String[] args) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(shape.core()), "the secret of " + shape.url() + " is in " + file + " after "
                        + String.join(" ", args).replace(shape.url(), "<URL>"));
            }
        }
    }
}
