package dev.converge.engine.spi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
