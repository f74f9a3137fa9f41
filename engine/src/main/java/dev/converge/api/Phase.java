package dev.converge.api;

import dev.converge.engine.plan.phase.ContractGate;

/**
 * A half of an expand and contract rollout (docs/expand-contract.md): {@link #EXPAND} is only what the
 * running application survives (and the first half of each parallel change, then its backfill),
 * {@link #CONTRACT} the rest, once expand has finished and the old release is gone.
 */
public enum Phase {
    EXPAND, CONTRACT;

    /** The environment variable that confirms contract as {@code --confirm-contract} does ({@code yes}). */
    public static final String CONFIRM_VARIABLE = ContractGate.VARIABLE;

    /** {@code expand} or {@code contract}, as the CLI writes it. */
    public String word() {
        return engine().word();
    }

    /** {@code expand} or {@code contract}, any case; anything else is an IllegalArgumentException saying so. */
    public static Phase parse(String word) {
        for (Phase phase : values()) {
            if (phase.word().equalsIgnoreCase(word.strip())) {
                return phase;
            }
        }
        throw new IllegalArgumentException("expected expand or contract, not '" + word + "'");
    }

    /**
     * Refuses contract (a {@link dev.converge.engine.diag.ConvergeException} of kind REFUSED, nothing
     * touched) unless someone said the old release is gone: {@code confirmed}, or {@code variable} (the
     * value of {@link #CONFIRM_VARIABLE}) is {@code yes}. {@link TargetSession#confirmContract} also asks a
     * flag query on the target.
     */
    public static void confirmContract(boolean confirmed, String variable) {
        ContractGate.check(confirmed, variable);
    }

    dev.converge.engine.plan.phase.Phase engine() {
        return dev.converge.engine.plan.phase.Phase.valueOf(name());
    }
}
