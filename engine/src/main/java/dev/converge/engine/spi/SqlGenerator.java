package dev.converge.engine.spi;

import dev.converge.engine.change.Change;
import java.util.List;

/** SqlGenerator turns one change into the statements that make it, every identifier quoted. */
public interface SqlGenerator {
    List<String> statements(Change change);
}
