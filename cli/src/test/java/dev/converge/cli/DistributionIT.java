package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slim distribution as Maven packages it: the zip holds both launchers and the jar they name, and
 * {@code bin/converge.cmd} starts the JVM exactly as {@code bin/converge} does (same flags in each of
 * the three ways a launcher runs java: with the class-data archive, writing it, without it; same
 * {@code -Dconverge.home} and {@code -jar lib/converge.jar}). There is no Windows machine here, so the
 * .cmd is checked as text (and for the CRLF line ends cmd.exe needs); the Unix launcher is run from the
 * unpacked zip.
 *
 * <p>It reads {@code target/converge-*-bin.zip}, which the package phase makes after the unit tests:
 * so it is an integration test, run by the {@code distribution} surefire execution in
 * {@code integration-test} ({@code mvn verify}).
 */
class DistributionIT {
    private static final Pattern JAVA_LINE = Pattern.compile("(\"\\$JAVA\"|\"%JAVA%\")(.*)");
    private static final Pattern OPTION = Pattern.compile("-(X[^\\s\"=]+|D[\\w.]+)(=\\S*)?");

    private static Path zip;
    private static String home;

    @TempDir
    Path dir;

    @BeforeAll
    static void findTheZip() throws IOException {
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            zip = built.filter(p -> p.getFileName().toString().matches("converge-.*-bin\\.zip")).findFirst()
                    .orElse(null);
        }
        assertNotNull(zip, "target/converge-*-bin.zip is made by the package phase; run mvn verify");
        home = zip.getFileName().toString().replaceFirst("-bin\\.zip$", "") + "/";
    }

    @Test
    void theZipHoldsBothLaunchersAndTheJarTheyName() throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            List<String> names = new ArrayList<>();
            archive.stream().map(ZipEntry::getName).forEach(names::add);
            for (String name : List.of("bin/converge", "bin/converge.cmd", "lib/converge.jar")) {
                assertTrue(names.contains(home + name), name + " in " + names);
            }
            String sh = text(archive, "bin/converge");
            String cmd = text(archive, "bin/converge.cmd");
            assertTrue(sh.contains("JAR=\"$CONVERGE_HOME/lib/converge.jar\""), sh);
            assertTrue(cmd.contains("set \"JAR=%CONVERGE_HOME%\\lib\\converge.jar\""), cmd);
            assertTrue(cmd.contains("set \"CONVERGE_HOME=%~dp0..\""), "cmd's home is the folder above bin: " + cmd);
        }
    }

    @Test
    void theCmdLauncherHasCrlfLineEnds() throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            String cmd = text(archive, "bin/converge.cmd");
            String sh = text(archive, "bin/converge");
            assertFalse(cmd.replace("\r\n", "").contains("\n"), "every line of converge.cmd ends in CRLF");
            assertFalse(sh.contains("\r"), "bin/converge has Unix line ends");
        }
    }

    @Test
    void theCmdLauncherStartsTheJvmAsTheShellLauncherDoes() throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            List<Map<String, String>> sh = javaRuns(shellRuns(text(archive, "bin/converge")));
            List<Map<String, String>> cmd = javaRuns(cmdRuns(text(archive, "bin/converge.cmd")));
            // With the archive, writing the archive, without it: in that order in both scripts.
            assertEquals(3, sh.size(), "bin/converge runs java three ways: " + sh);
            assertEquals(sh, cmd);
            sh.forEach(run -> {
                assertEquals("1", run.get("XX:TieredStopAtLevel"), run.toString());
                assertTrue(run.containsKey("XX:+UseSerialGC"), run.toString());
                assertTrue(run.containsKey("Dconverge.home"), run.toString());
                assertTrue(run.containsKey("jar lib/converge.jar"), run.toString());
            });
            assertTrue(sh.get(0).containsKey("XX:SharedArchiveFile") && sh.get(0).containsKey("Xshare:auto"));
            assertTrue(sh.get(1).containsKey("XX:ArchiveClassesAtExit"));
        }
    }

    @Test
    void theUnixLauncherFromTheZipRuns() throws IOException, InterruptedException {
        Path installed = unzip();
        ProcessBuilder builder = new ProcessBuilder("sh", installed.resolve("bin/converge").toString(), "--version")
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("CONVERGE_CACHE_DIR", dir.resolve("cache").toString());
        Process process = builder.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bin/converge --version returns");
        assertEquals(0, process.exitValue(), printed);
        assertEquals(Cli.run("--version").out(), printed);
    }

    private Path unzip() throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path to = dir.resolve(entry.getName()).normalize();
                assertTrue(to.startsWith(dir), entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(to);
                    continue;
                }
                Files.createDirectories(to.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return dir.resolve(home);
    }

    private static String text(ZipFile archive, String name) throws IOException {
        ZipEntry entry = archive.getEntry(home + name);
        assertNotNull(entry, name);
        try (InputStream in = archive.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The java command lines of bin/converge, with $FLAGS and the "$@" that set -- built spelled out. */
    private static List<String> shellRuns(String script) {
        String flags = assignment(script, "FLAGS=\"([^\"]*)\"");
        String arguments = assignment(script, "set -- (.*) \"\\$@\"");
        return script.replace("\\\n", " ").lines().map(String::strip).filter(l -> !l.startsWith("#"))
                .map(JAVA_LINE::matcher)
                .filter(Matcher::find).map(m -> m.group(2))
                .map(l -> l.replace("$FLAGS", flags).replace("\"$@\"", arguments).replace("$JAR", "lib/converge.jar"))
                .toList();
    }

    /** The java command lines of converge.cmd, with %FLAGS% spelled out. */
    private static List<String> cmdRuns(String script) {
        String flags = assignment(script, "set \"FLAGS=([^\"]*)\"");
        return script.lines().map(String::strip).filter(l -> !l.startsWith("rem")).map(JAVA_LINE::matcher)
                .filter(Matcher::find).map(m -> m.group(2))
                .map(l -> l.replace("%FLAGS%", flags).replace("%JAR%", "lib/converge.jar")).toList();
    }

    /**
     * Per java command line: each JVM option by name with its value (file paths of the archive and of
     * the home left out, since the two systems spell them differently), and the jar it runs.
     */
    private static List<Map<String, String>> javaRuns(List<String> lines) {
        List<Map<String, String>> runs = new ArrayList<>();
        for (String line : lines) {
            Map<String, String> options = new TreeMap<>();
            Matcher option = OPTION.matcher(line.replaceAll("-jar \"?lib/converge.jar\"?", ""));
            while (option.find()) {
                String value = option.group(2) == null ? "" : option.group(2).substring(1).replace("\"", "");
                boolean path = value.contains("CONVERGE_HOME") || value.contains("ARCHIVE");
                options.put(option.group(1), path ? "(path)" : value);
            }
            if (line.contains("JAVA_OPTS")) {
                options.put("JAVA_OPTS", "");
            }
            if (line.matches(".*-jar \"?lib/converge.jar\"?.*")) {
                options.put("jar lib/converge.jar", "");
            }
            runs.add(options);
        }
        return runs;
    }

    private static String assignment(String script, String regex) {
        Matcher m = Pattern.compile(regex).matcher(script);
        assertTrue(m.find(), regex);
        return m.group(1);
    }
}
