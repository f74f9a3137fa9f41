package dev.converge.engine.project;

/**
 * ContractGateConfig is what an environment of converge.yaml states must hold before contract runs
 * there ({@code contract_gate:}): every condition given must hold. Without it the command line's gate
 * applies ({@code --confirm-contract}, {@code CONVERGE_CONFIRM_CONTRACT}, {@code --contract-flag-sql}).
 *
 * @param variable an environment variable that must say yes ({@code yes}, {@code true}, {@code on}, {@code 1}), or null
 * @param flagSql  a query on each target whose first value must say yes (a feature flag), or null
 * @param confirm  whether {@code --confirm-contract} must be given too
 */
public record ContractGateConfig(String variable, String flagSql, boolean confirm) {
}
