package dev.converge.engine.project;

import java.util.List;

/**
 * TenantsConfig says which tenants an environment has and how to reach them.
 *
 * @param mode           one database per tenant, or one schema per tenant in the environment's database
 * @param urlTemplate    DATABASE mode: the tenant's URL, with {@code {tenant}} in it
 * @param schemaTemplate SCHEMA mode: the tenant's schema name, with {@code {tenant}} in it
 * @param templateSchema SCHEMA mode: the schema the desired files declare, mapped to each tenant's schema
 * @param list           the static list of tenants, or empty when discovered
 * @param discover       a query run on the environment's database whose first column lists the tenants
 * @param parallelism    tenants planned or applied at once (and the size of the connection pool)
 * @param canary         tenants applied first, one at a time; any failure among them stops the rollout
 * @param onError        what a failed tenant does to the rest of the rollout
 * @param failureBudget  with CONTINUE: the rollout stops once more tenants than this have failed
 */
public record TenantsConfig(Mode mode, ConfigValue urlTemplate, String schemaTemplate, String templateSchema,
                            List<String> list, String discover, int parallelism, List<String> canary,
                            OnError onError, int failureBudget) {
    /** How tenants are separated. */
    public enum Mode { DATABASE, SCHEMA }

    /** What a failure does to the rollout. */
    public enum OnError { STOP, CONTINUE }

    public static final String PLACEHOLDER = "{tenant}";

    public TenantsConfig {
        list = List.copyOf(list);
        canary = List.copyOf(canary);
    }

    /** The schema of one tenant in SCHEMA mode. */
    public String schemaOf(String tenant) {
        return schemaTemplate.replace(PLACEHOLDER, tenant);
    }
}
