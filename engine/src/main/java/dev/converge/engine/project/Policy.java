package dev.converge.engine.project;

import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.LockLevel;
import dev.converge.engine.safety.SafetyPolicy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Policy is an environment's safety overrides: the hazards allowed without a flag, whether
 * destructive steps are allowed, the strongest lock a step may take, and the timeouts. Fleet applies
 * judge every target's plan by {@link #safety}, with the command line's allowances added.
 *
 * @param allowHazards     hazard codes allowed on every step (validated names of {@link HazardCode})
 * @param maxLock          the strongest lock a step may take; ACCESS_EXCLUSIVE when not set
 * @param lockTimeout      longest wait for a lock per statement, or null for the server's default
 * @param statementTimeout longest run per statement, or null for the server's default
 */
public record Policy(List<String> allowHazards, boolean allowDestructive, LockLevel maxLock, Duration lockTimeout,
                     Duration statementTimeout) {
    public static final Policy DEFAULT = new Policy(List.of(), false, LockLevel.ACCESS_EXCLUSIVE, null, null);

    public Policy {
        allowHazards = List.copyOf(allowHazards);
        maxLock = maxLock == null ? LockLevel.ACCESS_EXCLUSIVE : maxLock;
    }

    /** A policy without a lock limit. */
    public Policy(List<String> allowHazards, boolean allowDestructive, Duration lockTimeout, Duration statementTimeout) {
        this(allowHazards, allowDestructive, LockLevel.ACCESS_EXCLUSIVE, lockTimeout, statementTimeout);
    }

    /** The safety policy of this environment, with what the command line allows on top. */
    public SafetyPolicy safety(boolean cliAllowsDestructive) {
        Set<HazardCode> allowed = EnumSet.noneOf(HazardCode.class);
        allowHazards.forEach(code -> allowed.add(HazardCode.valueOf(code)));
        return SafetyPolicy.of(allowed, allowDestructive || cliAllowsDestructive, maxLock);
    }
}
