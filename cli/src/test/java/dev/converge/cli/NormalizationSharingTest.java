package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.diag.Phases;
import dev.converge.engine.workflow.NormalizationCache;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issues 14.12 and 14.13: {@code status} over three environments normalizes their one desired state
 * once, and {@code --verbose} shows every stage with its time, so a user sees on what a run waits. A
 * second run finds the normalization in the cache directory and loads no shadow; {@code --no-cache}
 * loads one per environment, as before.
 */
class NormalizationSharingTest {
    private static final Pattern STAGE_LINE = Pattern.compile("(?m)^converge: ([a-z -]+) \\d+\\.\\d\\d s$");

    @TempDir
    Path dir;

    @TempDir
    Path cache;

    @Test
    void statusNormalizesEachDistinctDesiredStateOnce() throws Exception {
        try (FleetProject p = FleetProject.create(dir, 3, 2)) {
            NormalizationCache.forgetMemory();
            Cli.Result first = p.run("status", "--verbose", "--cache-dir", cache.toString()).expectExit(0);
            assertEquals(1, count(first.err(), Phases.LOAD), "one shadow load for dev, staging and prod\n" + first.all());
            assertEquals(1, count(first.err(), Phases.SHADOW_START), first.all());
            for (String stage : List.of(Phases.PARSE, Phases.SHADOW_START, Phases.LOAD, Phases.INSPECT_DESIRED,
                    Phases.INSPECT_TARGET, Phases.DIFF, Phases.ORDER, Phases.CLASSIFY, Phases.PRE_CHECKS)) {
                assertTrue(count(first.err(), stage) > 0, "stage " + stage + " shown\n" + first.err());
            }
            assertTrue(first.err().contains("converge: normalization cache: stored "), first.err());

            NormalizationCache.forgetMemory();
            Cli.Result second = p.run("status", "--verbose", "--cache-dir", cache.toString()).expectExit(0);
            assertEquals(0, count(second.err(), Phases.SHADOW_START), "the cached normalization is used\n" + second.all());
            assertTrue(second.err().contains("converge: normalization cache: hit "), second.err());
            assertEquals(first.out(), second.out(), "the same matrix");

            Cli.Result uncached = p.run("status", "--verbose", "--no-cache").expectExit(0);
            assertEquals(3, count(uncached.err(), Phases.LOAD), "--no-cache: one load per environment\n" + uncached.all());
            assertEquals(first.out(), uncached.out(), "the same matrix");

            Cli.Result quiet = p.run("status", "--cache-dir", cache.toString());
            assertEquals(0, STAGE_LINE.matcher(quiet.err()).results().count(), "without --verbose, no stage lines"
                    + " (and, not on a terminal, no progress line)\n" + quiet.err());
            assertTrue(quiet.err().contains("taken from the normalization cache"), quiet.err());
        }
    }

    private static long count(String err, String stage) {
        return STAGE_LINE.matcher(err).results().filter(m -> m.group(1).equals(stage)).count();
    }
}
