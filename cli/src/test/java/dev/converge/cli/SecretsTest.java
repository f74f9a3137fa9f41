package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.dialect.postgres.testing.PasswordPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passwords: a wrong one is an authentication message, and no password ever reaches the output. */
class SecretsTest {
    private static final String SECRET = "s3cr3t-Hunter2";

    @TempDir
    Path dir;

    /** The local server trusts everyone, so a password check needs a scram-only server of our own. */
    @Test
    void wrongPasswordSaysAuthenticationFailedAndNeverPrintsIt() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id int);");
        try (PasswordPostgres pg = PasswordPostgres.start(dir)) {
            String url = pg.url(SECRET);
            for (String command : List.of("plan", "apply", "inspect")) {
                List<String> args = new ArrayList<>(List.of(command, "--url", url));
                if (!command.equals("inspect")) {
                    args.addAll(List.of("--desired", dir.toString(), "--shadow", "server"));
                }
                if (command.equals("apply")) {
                    args.add("--auto-approve");
                }
                Cli.Result r = Cli.run(args.toArray(String[]::new)).expectExit(1);
                assertTrue(r.err().contains("authentication failed for user 'alice' on localhost:" + pg.port()),
                        r.all());
                assertFalse(r.all().contains(SECRET), r.all());
            }
        }
    }

    @Test
    void passwordInTheUrlNeverAppearsInAnyOutput() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE item (id int PRIMARY KEY);\nCREATE TABLE extra (id int);\n");
        try (LocalPostgres db = LocalPostgres.create("cli_secret"); LocalPostgres other = LocalPostgres.create("cli_sec2")) {
            db.execute("CREATE TABLE item (id int PRIMARY KEY, note text);");
            // The local server trusts its clients, so any password is accepted and simply unused.
            String url = withPassword(db);
            String desired = dir.toString();
            List<Cli.Result> results = new ArrayList<>();

            Cli.Result text = Cli.withServerShadow("plan", url, desired).expectExit(0);
            assertTrue(text.out().contains("postgresql://" + LocalPostgres.USER + "@"), text.all());
            results.add(text);

            Cli.Result json = Cli.withServerShadow("plan", url, desired, "--format", "json").expectExit(0);
            String target = new ObjectMapper().readTree(json.out()).get("target").asText();
            assertEquals("postgresql://" + LocalPostgres.USER + "@" + LocalPostgres.HOST + ":" + LocalPostgres.PORT
                    + "/" + db.database(), target);
            results.add(json);

            Cli.Result refused = Cli.withServerShadow("apply", url, desired, "--auto-approve").expectExit(3);
            results.add(refused);

            Cli.Result applied = Cli.withServerShadow("apply", url, desired, "--auto-approve",
                    "--allow-destructive").expectExit(0);
            results.add(applied);

            Cli.Result fromUrl = Cli.run("plan", "--url", withPassword(other), "--desired", url, "--format", "json")
                    .expectExit(0);
            results.add(fromUrl);

            results.add(Cli.run("inspect", "--url", url));
            results.add(Cli.run("plan", "--url", "postgresql://postgres:" + SECRET + "@127.0.0.1:1/x",
                    "--desired", desired));
            results.add(Cli.run("plan", "--url", url.replace(db.database(), "cvt_no_such_db"), "--desired", desired));
            results.add(Cli.run("plan", "--url", url, "--desired", url.replace(db.database(), "cvt_no_such_db")));
            results.add(Cli.run("plan", "--url", url, "--desired", desired, "--dev-url", "mysql://root:" + SECRET + "@h/d"));
            results.add(Cli.run("plan", "--url", url, "--desired", desired, "--shadow", "bogus"));
            // picocli echoes a bad argument verbatim; the CLI must redact it.
            Cli.Result unmatched = Cli.run("plan", "--url", url, url, "--desired", desired).expectExit(64);
            assertTrue(unmatched.err().contains("Unmatched argument"), unmatched.all());
            results.add(unmatched);
            Cli.Result badValue = Cli.run("plan", "--url", url, "--desired", desired, "--shadow", url).expectExit(64);
            results.add(badValue);
            Cli.Result jdbc = Cli.run("plan", "--url", url, "--desired", desired, "--format",
                    "jdbc:postgresql://h/d?user=u&password=" + SECRET).expectExit(64);
            results.add(jdbc);
            for (Cli.Result r : results) {
                assertFalse(r.all().contains(SECRET), r.all());
            }
        }
    }

    private static String withPassword(LocalPostgres db) {
        return "postgresql://" + LocalPostgres.USER + ":" + SECRET + "@" + LocalPostgres.HOST + ":" + LocalPostgres.PORT
                + "/" + db.database();
    }
}
