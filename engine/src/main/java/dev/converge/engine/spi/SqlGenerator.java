package dev.converge.engine.spi;

import dev.converge.engine.change.Change;
import dev.converge.engine.plan.DdlStatement;
import java.util.List;

/**
 * SqlGenerator turns one change into the statements that make it, every identifier quoted, each
 * saying whether it may run inside the apply's transaction.
 */
public interface SqlGenerator {
    List<DdlStatement> statements(Change change);
}
