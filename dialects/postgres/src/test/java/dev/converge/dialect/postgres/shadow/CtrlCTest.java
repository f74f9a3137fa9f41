package dev.converge.dialect.postgres.shadow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.connect.PostgresUrls;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.spi.ServerDatabaseShadow;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.Shadow;
import dev.converge.engine.spi.ShadowDatabaseNames;
import dev.converge.engine.spi.ShadowSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Ctrl-C (SIGINT) on a JVM holding an open SERVER shadow still drops the shadow database. */
class CtrlCTest {

    /** The child JVM: opens a server shadow on args[0], prints its name, and waits to be interrupted. */
    public static void main(String[] args) throws InterruptedException {
        Shadow shadow = new PostgresShadowFactory().open(ShadowSpec.SERVER, PostgresUrls.parse(args[0]),
                new ServerVersion(15, 0, ""));
        System.out.println(((ServerDatabaseShadow) shadow).name());
        System.out.flush();
        Thread.sleep(60_000);
    }

    @Test
    void sigintDropsTheOpenShadow() throws Exception {
        try (LocalPostgres target = LocalPostgres.create("ctrlc")) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    CtrlCTest.class.getName(), target.jdbcUrl()).redirectErrorStream(true).start();
            String name;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                name = out.readLine();
                while (name != null && !name.startsWith(ShadowDatabaseNames.PREFIX)) {
                    name = out.readLine(); // skip logging noise
                }
                assertTrue(name != null, "child printed the shadow's name");
                assertTrue(LocalPostgres.databaseExists(name), "shadow exists while the child runs");
                new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child exited on SIGINT");
            } finally {
                child.destroyForcibly();
            }
            assertFalse(LocalPostgres.databaseExists(name), "shadow dropped by the shutdown hook");
        }
    }
}
