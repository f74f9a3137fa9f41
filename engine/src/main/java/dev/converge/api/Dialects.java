package dev.converge.api;

import dev.converge.engine.spi.DialectRegistry;
import java.util.List;

/**
 * The database dialects a process can work with (PostgreSQL, MySQL/MariaDB): those whose jars are on
 * the classpath, found by ServiceLoader. A caller that builds its own set (a test) hands it to the
 * code that needs one; {@link Converge} finds the installed ones itself.
 */
public interface Dialects {
    /** The dialects on the classpath. */
    static Dialects installed() {
        return DialectRegistry.fromServiceLoader();
    }

    /** Their ids ({@code postgres}, {@code mysql}), as {@code --dialect} takes them. */
    List<String> ids();
}
