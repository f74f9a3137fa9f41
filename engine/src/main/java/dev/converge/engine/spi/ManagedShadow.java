package dev.converge.engine.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * ManagedShadow is the cleanup discipline every dialect's shadow shares: a JVM shutdown hook is registered the
 * moment something exists that must be cleaned up (so Ctrl-C never leaks a database or a server),
 * {@link #close()} runs the cleanup exactly once, removes the hook, and never throws. A close that
 * is still running on another thread when the JVM exits is waited for by the hook.
 */
public abstract class ManagedShadow implements Shadow {
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Counted down once {@link #release()} has ended, however it ended. */
    private final CountDownLatch released = new CountDownLatch(1);
    private final Thread hook;
    private volatile Connection connection;
    private volatile String description;
    private volatile DatabaseUrl url;

    /** Where embedded servers make their per-run directories; default the JVM's temp directory. */
    public static final String WORK_DIRECTORY_PROPERTY = "converge.shadow.dir";

    /**
     * The parent of an embedded server's per-run directory: {@value #WORK_DIRECTORY_PROPERTY} when set
     * (a test that checks what its own runs leave behind, on a machine where other builds share /tmp),
     * else {@code java.io.tmpdir}.
     */
    public static java.nio.file.Path workDirectory() {
        String chosen = System.getProperty(WORK_DIRECTORY_PROPERTY);
        return java.nio.file.Path.of(chosen == null || chosen.isBlank() ? System.getProperty("java.io.tmpdir") : chosen);
    }

    protected ManagedShadow(String description) {
        this.description = description;
        this.hook = new Thread(this::close, "converge-shadow-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Hands over the shadow's connection once it is open; from then on close() closes it first. */
    protected final void attach(Connection opened, String finalDescription, DatabaseUrl openedUrl) {
        this.connection = opened;
        this.description = finalDescription;
        this.url = openedUrl;
    }

    @Override
    public final DatabaseUrl url() {
        if (url == null) {
            throw new IllegalStateException("the shadow " + description + " is not open");
        }
        return url;
    }

    @Override
    public final Connection connection() {
        if (closed.get() || connection == null) {
            throw new IllegalStateException("the shadow " + description + " is closed");
        }
        return connection;
    }

    @Override
    public final String description() {
        return description;
    }

    public final boolean isClosed() {
        return closed.get();
    }

    /** The shutdown hook, for tests that simulate Ctrl-C. */
    final Thread shutdownHook() {
        return hook;
    }

    @Override
    public final void close() {
        if (!closed.compareAndSet(false, true)) {
            if (Thread.currentThread() == hook) {
                // The JVM exits while another thread stops the shadow (a plan stops it beside its diff):
                // let that stop finish, or the server and its directory would be left behind.
                awaitRelease();
            }
            return;
        }
        try {
            closeAndRelease();
        } finally {
            released.countDown();
        }
        // Only now: until the shadow is released, an exiting JVM runs the hook, which waits for it.
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting; the hook may run too, and finds us closed.
            }
        }
    }

    private void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeAndRelease() {
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // The connection may already be broken; the cleanup below does not need it.
            }
        }
        try {
            release();
        } catch (Exception | LinkageError e) {
            // close() runs in finally blocks and shutdown hooks: report, never throw over the real error.
            System.err.println("converge: warning: could not clean up the shadow " + description + ": "
                    + e.getMessage() + cleanupAdvice());
        }
    }

    /** Drops or stops what the shadow created. Its connection is already closed. */
    protected abstract void release() throws Exception;

    /** What the user can do by hand when {@link #release()} failed. */
    protected abstract String cleanupAdvice();
}
