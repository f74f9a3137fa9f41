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

    /** Drops the shadow; never throws, since it runs in finally blocks and shutdown hooks. */
    @Override
    void close();
}
