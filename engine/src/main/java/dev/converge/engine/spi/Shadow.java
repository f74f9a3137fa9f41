package dev.converge.engine.spi;

import java.sql.Connection;

/**
 * Shadow is a throwaway, empty database the desired state is loaded into, so that it can be
 * inspected in the server's own canonical form. Closing it drops it (or stops the embedded server).
 */
public interface Shadow extends AutoCloseable {
    /** An open connection to the empty shadow database. */
    Connection connection();

    /** How to reach the shadow database (for tools that connect again, such as the demo). */
    DatabaseUrl url();

    /** What it is, for messages: "embedded PostgreSQL 15.10", "database converge_shadow_x on ...". */
    String description();

    /**
     * True when the shadow is a server of its own (an embedded PostgreSQL), whose cluster-wide objects
     * (roles) Converge may create because nobody else uses them; false for a database on a shared server.
     */
    default boolean ownsCluster() {
        return false;
    }

    /**
     * Creates the empty database {@code name} beside the shadow's own, on a server that {@link #ownsCluster()
     * is the shadow's alone}, and tells how to reach it: an embedded server as a target to try Converge on
     * ({@code converge demo}). A shadow on a shared server holds no other database.
     */
    default DatabaseUrl createDatabase(String name) {
        throw new dev.converge.engine.diag.ConvergeException(dev.converge.engine.diag.ErrorKind.USAGE,
                description() + " is on a shared server: it cannot hold another database");
    }

    /** Drops the shadow; never throws, since it runs in finally blocks and shutdown hooks. */
    @Override
    void close();
}
