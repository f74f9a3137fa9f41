package dev.converge.engine.project;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.diag.SourceSpan;

/**
 * EnvironmentConfig is one environment of converge.yaml (dev, staging, prod).
 *
 * @param url     the environment's database (in SCHEMA tenant mode, the database holding the tenant
 *                schemas; in DATABASE mode, where the discovery query runs), with {@code ${env:...}};
 *                null for database-per-tenant with a static tenant list, which needs none
 * @param after   the environment a desired state must reach first (promotion order), or null
 * @param tenants the environment's tenants, or null for a single target
 * @param span    where the environment is declared
 * @param contractGate what must hold before contract runs here, or null for the command line's gate
 */
public record EnvironmentConfig(String name, ConfigValue url, String after, Policy policy, TenantsConfig tenants,
                                SourceSpan span, ContractGateConfig contractGate) {
    public EnvironmentConfig {
        requireNonNull(name, "name is null");
        requireNonNull(policy, "policy is null");
    }

    public boolean hasTenants() {
        return tenants != null;
    }
}
