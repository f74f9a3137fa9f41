package dev.converge.engine.binaries;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * BinariesProperties reads a dialect's {@code binaries.properties}: the versions of the server binaries
 * its build was made with (filtered from the parent pom), a resource beside the dialect's class that
 * names those binaries. Without it the jar is broken, which is what the error says.
 */
public final class BinariesProperties {
    private BinariesProperties() {
    }

    /**
     * The {@code binaries.properties} in {@code owner}'s package.
     *
     * @param dialectName the dialect's name in the error, e.g. {@code MySQL}
     * @throws UncheckedIOException when the resource is missing or unreadable
     */
    public static Properties of(Class<?> owner, String dialectName) {
        Properties properties = new Properties();
        try (InputStream in = owner.getResourceAsStream("binaries.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("binaries.properties is missing from the " + dialectName
                    + " dialect jar (a broken build)", e));
        }
        return properties;
    }
}
