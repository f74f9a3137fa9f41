package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault the fleet fault-injection tests inject, on either server: {@code converge} runs as a real
 * client process (a child JVM on this test's class path), and once it has begun, a cutter thread ends
 * random server sessions of its targets at random pauses, until the client is killed with SIGKILL a
 * seeded while later.
 */
final class KilledApply {
    /** Whether the child has begun its work (a target's history has a new row). */
    @FunctionalInterface
    interface Begun {
        boolean begun() throws Exception;
    }

    /** Ends server sessions of the child's targets (none when there is none to end); returns how many. */
    @FunctionalInterface
    interface Cut {
        int cut(Random random) throws Exception;
    }

    /** How the killed child exited, and how many sessions the cutter ended meanwhile. */
    record Outcome(int exitCode, int cuts) {
    }

    private KilledApply() {
    }

    /**
     * Runs {@code converge args} with its output in {@code log}; waits (four minutes at most) until
     * {@code begun}, then cuts a session every {@code minPauseMillis} plus up to {@code pauseSpreadMillis}
     * (the cutter's randomness seeded by {@code cutterSeed}), and kills the child after
     * {@code killAfterMillis}.
     */
    static Outcome run(List<String> args, Path log, Begun begun, long cutterSeed, int minPauseMillis,
                       int pauseSpreadMillis, Cut cut, long killAfterMillis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger cuts = new AtomicInteger();
        Random random = new Random(cutterSeed);
        Thread cutter = new Thread(() -> {
            while (!stop.get()) {
                try {
                    Thread.sleep(minPauseMillis + random.nextInt(pauseSpreadMillis));
                    cuts.addAndGet(cut.cut(random));
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // The cutter's own connection may meet a dropped database or a session gone: it only stops.
                }
            }
        });
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (!begun.begun() && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            cutter.start();
            Thread.sleep(killAfterMillis);
        } finally {
            stop.set(true);
            cutter.interrupt();
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            cutter.join();
        }
        return new Outcome(child.exitValue(), cuts.get());
    }
}
