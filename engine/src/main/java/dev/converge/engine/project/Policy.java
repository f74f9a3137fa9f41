package dev.converge.engine.project;

import java.time.Duration;
import java.util.List;

/**
 * Policy is an environment's safety overrides, kept as data: the hazards allowed without a flag,
 * whether destructive steps are allowed, and the timeouts. The safety engine applies them; the
 * fleet commands pass them on and apply {@code allowDestructive}.
 *
 * @param lockTimeout      longest wait for a lock per statement, or null for the server's default
 * @param statementTimeout longest run per statement, or null for the server's default
 */
public record Policy(List<String> allowHazards, boolean allowDestructive, Duration lockTimeout,
                     Duration statementTimeout) {
    public static final Policy DEFAULT = new Policy(List.of(), false, null, null);

    public Policy {
        allowHazards = List.copyOf(allowHazards);
    }
}
