package dev.converge.junit;

import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.Dialect;

/**
 * DatabaseServer is a server fresh test databases are created on: its dialect and a URL of a database
 * on it whose user may CREATE DATABASE. Closing stops what this run started (an embedded server, a
 * container); a server the user runs is left alone.
 */
interface DatabaseServer extends AutoCloseable {
    Dialect dialect();

    DatabaseUrl adminUrl();

    @Override
    void close();
}
