package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CLI is a shell over the public API (issue #15): its sources name {@code dev.converge.api} and
 * the three error types the API's callers see (ConvergeException, ErrorKind, BadInputException), and
 * no other engine type. A file that cannot would be listed below with why, and docs/library.md
 * ("The CLI on the API") would keep the same list; today none is. The list is exact both ways: a file that starts using
 * an internal type fails this test, and so does a listed file that no longer uses one (take it off).
 */
class CliUsesTheApiTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "converge", "cli");

    /** Any engine type named in code, imported or written out; the API's three error types excepted. */
    private static final Pattern INTERNAL = Pattern.compile(
            "dev\\.converge\\.engine\\.(?!diag\\.(ConvergeException|ErrorKind|BadInputException)\\b)[\\w.]+");

    /** Files allowed to name engine internals, each with why: none left (a new entry needs a true reason). */
    private static final Map<String, String> NOT_YET = new TreeMap<>(Map.of());

    @Test
    void theCliNamesOnlyTheApiOutsideTheListedFiles() throws IOException {
        Map<String, TreeSet<String>> internal = new TreeMap<>();
        for (Path file : sources()) {
            String name = SOURCES.relativize(file).toString().replace('\\', '/');
            Matcher m = INTERNAL.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                internal.computeIfAbsent(name, k -> new TreeSet<>()).add(m.group());
            }
        }
        List<String> problems = new ArrayList<>();
        internal.forEach((file, types) -> {
            if (!NOT_YET.containsKey(file)) {
                problems.add(file + " uses engine internals, call dev.converge.api instead: " + types);
            }
        });
        NOT_YET.keySet().stream().filter(file -> !internal.containsKey(file))
                .forEach(file -> problems.add(file + " no longer uses engine internals: take it off the list"));
        assertEquals(List.of(), problems);
    }

    @Test
    void theMovedCommandsAreOnTheApi() throws IOException {
        for (String moved : List.of("command/StatusCommand.java", "command/DriftCommand.java",
                "command/ReportCommand.java", "command/HistoryCommand.java", "option/EnvironmentsOptions.java")) {
            String text = Files.readString(SOURCES.resolve(moved), StandardCharsets.UTF_8);
            assertTrue(text.contains("import dev.converge.api."), moved);
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
