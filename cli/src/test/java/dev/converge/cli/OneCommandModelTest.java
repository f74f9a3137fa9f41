package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.cli.command.ApplyCommand;
import dev.converge.cli.command.PlanCommand;
import dev.converge.cli.command.ReportCommand;
import dev.converge.cli.command.ValidateCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Main.main} gives picocli only the command the arguments name (a start-up saving); what it
 * prints must be what the command line with every command prints, and help, unknown commands and
 * a bare {@code converge} still see them all.
 */
class OneCommandModelTest {
    @TempDir
    Path dir;

    @Test
    void theNamedCommandAloneOrAllOfThem() {
        List<Class<?>> all = Main.commandsFor(new String[0]);
        assertEquals(12, all.size(), all.toString());
        assertEquals(List.of(PlanCommand.class), Main.commandsFor(new String[] {"plan", "--url", "x"}));
        assertEquals(List.of(ReportCommand.class), Main.commandsFor(new String[] {"--verbose", "report", "merge", "a.json"}));
        // The value of --cache-dir is not a command, whatever it is called.
        assertEquals(List.of(ApplyCommand.class), Main.commandsFor(new String[] {"--cache-dir", "plan", "apply"}));
        assertEquals(all, Main.commandsFor(new String[] {"help", "plan"}), "help lists every command");
        assertEquals(all, Main.commandsFor(new String[] {"plna"}), "an unknown command gets suggestions from all");
        assertEquals(all, Main.commandsFor(new String[] {"--help"}));
    }

    @Test
    void aCommandPrintsTheSameAsWithEveryCommandLoaded() throws Exception {
        Path desired = Files.createDirectories(dir.resolve("schema"));
        Files.writeString(desired.resolve("a.sql"), "CREATE TABLE public.items (id int PRIMARY KEY);\n");
        String[] validate = {"--cache-dir", dir.resolve("cache").toString(), "--verbose", "validate",
                "--desired", desired.toString(), "--no-shadow"};
        assertEquals(List.of(ValidateCommand.class), Main.commandsFor(validate));

        Cli.Result inProcess = Cli.run(validate);
        Launched launched = launch(validate);

        assertEquals(inProcess.exitCode(), launched.code());
        assertEquals(inProcess.out(), launched.out());
        assertEquals(inProcess.err(), launched.err());
        assertTrue(launched.out().contains("1 file, 1 statement"), launched.out());

        assertEquals(Cli.run("plan", "--help").out(), launch("plan", "--help").out());
    }

    @Test
    void anUnknownCommandStillGetsTheNearestOne() throws Exception {
        Launched launched = launch("plna");

        assertEquals(ExitCodes.USAGE, launched.code());
        assertTrue(launched.err().contains("did you mean plan?"), launched.err());
    }

    private record Launched(int code, String out, String err) {
    }

    private Launched launch(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "converge did not finish");
        return new Launched(process.exitValue(), out, Files.readString(err));
    }
}
