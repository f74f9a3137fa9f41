package dev.converge.engine.fleet;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.InspectScope;

/**
 * FleetTarget is one place an environment's desired state goes: the environment's own database, a
 * tenant's database, or a tenant's schema in the environment's database.
 *
 * @param tenant the tenant's name, or null for an environment without tenants
 * @param schema SCHEMA mode: the tenant's schema (the template schema is mapped onto it); else null
 * @param scope  the schemas inspected and planned for this target
 */
public record FleetTarget(String environment, String tenant, DatabaseUrl url, String schema, InspectScope scope) {
    public FleetTarget {
        requireNonNull(environment, "environment is null");
        requireNonNull(url, "url is null");
        requireNonNull(scope, "scope is null");
    }

    /** The name history and reports use: the tenant, or the environment for a single target. */
    public String name() {
        return tenant == null ? environment : tenant;
    }

    /** For messages and plans: the URL (never with a password) and the schema in SCHEMA mode. */
    public String display() {
        return url.display() + (schema == null ? "" : " schema " + schema);
    }
}
