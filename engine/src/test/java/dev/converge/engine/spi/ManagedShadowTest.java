package dev.converge.engine.spi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ManagedShadowTest {

    /** A shadow whose cleanup only counts, and fails when told to. */
    private static final class Counting extends ManagedShadow {
        final AtomicInteger releases = new AtomicInteger();
        final boolean fail;

        Counting(boolean fail) {
            super("test shadow");
            this.fail = fail;
        }

        @Override
        protected void release() {
            releases.incrementAndGet();
            if (fail) {
                throw new IllegalStateException("cannot drop");
            }
        }

        @Override
        protected String cleanupAdvice() {
            return "; do it by hand";
        }
    }

    @Test
    void closeReleasesOnceAndRemovesTheShutdownHook() {
        Counting shadow = new Counting(false);
        shadow.close();
        shadow.close();
        assertEquals(1, shadow.releases.get());
        assertFalse(Runtime.getRuntime().removeShutdownHook(shadow.shutdownHook()), "hook no longer registered");
    }

    @Test
    void theShutdownHookCleansUpAShadowLeftOpen() throws InterruptedException {
        Counting shadow = new Counting(false);
        assertTrue(Runtime.getRuntime().removeShutdownHook(shadow.shutdownHook()), "hook registered while open");
        Thread hook = shadow.shutdownHook();
        hook.start(); // what the JVM does on Ctrl-C
        hook.join();
        assertEquals(1, shadow.releases.get());
        assertTrue(shadow.isClosed());
        shadow.close();
        assertEquals(1, shadow.releases.get());
    }

    @Test
    void aFailingCleanupNeverThrows() {
        Counting shadow = new Counting(true);
        assertDoesNotThrow(shadow::close);
        assertEquals(1, shadow.releases.get());
    }

    /** A shadow whose cleanup takes as long as the test says. */
    private static final class Slow extends ManagedShadow {
        final CountDownLatch releasing = new CountDownLatch(1);
        final CountDownLatch mayFinish = new CountDownLatch(1);
        volatile boolean released;

        Slow() {
            super("slow test shadow");
        }

        @Override
        protected void release() throws InterruptedException {
            releasing.countDown();
            mayFinish.await();
            released = true;
        }

        @Override
        protected String cleanupAdvice() {
            return "";
        }
    }

    @Test
    void theShutdownHookWaitsForACloseInProgressOnAnotherThread() throws InterruptedException {
        Slow shadow = new Slow();
        Thread stop = new Thread(shadow::close, "stop beside the diff");
        stop.start();
        assertTrue(shadow.releasing.await(10, TimeUnit.SECONDS), "the stop has begun");
        assertTrue(Runtime.getRuntime().removeShutdownHook(shadow.shutdownHook()),
                "the hook stays registered while the stop runs");
        Thread hook = shadow.shutdownHook();
        hook.start(); // the JVM exits meanwhile
        hook.join(300);
        assertTrue(hook.isAlive(), "the hook waits for the stop in progress");
        shadow.mayFinish.countDown();
        hook.join(10_000);
        assertFalse(hook.isAlive(), "the hook ends once the stop has");
        assertTrue(shadow.released);
        stop.join(10_000);
    }
}
