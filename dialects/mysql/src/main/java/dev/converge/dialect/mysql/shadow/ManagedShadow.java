package dev.converge.dialect.mysql.shadow;

import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.Shadow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * ManagedShadow is the cleanup discipline of the MySQL shadows: a shutdown hook is registered as soon
 * as something exists that must be cleaned up (so Ctrl-C leaks nothing), and {@link #close()} runs
 * the cleanup exactly once and never throws.
 */
abstract class ManagedShadow implements Shadow {
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread hook = new Thread(this::close, "converge-mysql-shadow-cleanup");
    private final String description;
    private volatile Connection connection;
    private volatile DatabaseUrl url;

    ManagedShadow(String description) {
        this.description = description;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    final void attach(Connection opened, DatabaseUrl openedUrl) {
        this.connection = opened;
        this.url = openedUrl;
    }

    @Override
    public final Connection connection() {
        if (closed.get() || connection == null) {
            throw new IllegalStateException("the shadow " + description + " is closed");
        }
        return connection;
    }

    @Override
    public final DatabaseUrl url() {
        return url;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting; the hook finds us closed.
            }
        }
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // A broken connection needs no closing; the cleanup uses a new one.
            }
        }
        try {
            release();
        } catch (Exception e) {
            System.err.println("converge: warning: could not clean up the shadow " + description + ": "
                    + e.getMessage() + cleanupAdvice());
        }
    }

    abstract void release() throws Exception;

    abstract String cleanupAdvice();
}
