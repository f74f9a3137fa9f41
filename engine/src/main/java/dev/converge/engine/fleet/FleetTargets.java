package dev.converge.engine.fleet;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.project.EnvironmentConfig;
import dev.converge.engine.project.Interpolation;
import dev.converge.engine.project.ProjectConfig;
import dev.converge.engine.project.TenantsConfig;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.InspectScope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * FleetTargets lists the targets of an environment: its own database, or its tenants (a static list
 * or the rows of the discovery query, run on the environment's database), each as a database made
 * from the URL template or a schema made from the schema template. Canary tenants come first, in
 * their configured order; the rest follow in name order, so runs are repeatable.
 */
public final class FleetTargets {
    /** A tenant name goes into a URL or a schema name: letters, digits, '_' and '-' only. */
    private static final Pattern TENANT_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");

    private final Dialect dialect;
    private final UnaryOperator<String> environment;

    public FleetTargets(Dialect dialect) {
        this(dialect, System::getenv);
    }

    public FleetTargets(Dialect dialect, UnaryOperator<String> environment) {
        this.dialect = dialect;
        this.environment = environment;
    }

    public List<FleetTarget> resolve(ProjectConfig project, EnvironmentConfig env) {
        // Absent only for database-per-tenant with a static list, where each tenant has its own URL.
        DatabaseUrl url = env.url() == null ? null : parse(Interpolation.resolve(env.url(), environment), env.name());
        if (!env.hasTenants()) {
            return List.of(new FleetTarget(env.name(), null, url, null, new InspectScope(Set.copyOf(project.schemas()), Set.copyOf(project.managedRoles()))));
        }
        TenantsConfig tenants = env.tenants();
        List<String> names = tenants.list().isEmpty() ? discover(url, tenants.discover(), env.name()) : tenants.list();
        List<FleetTarget> out = new ArrayList<>();
        for (String tenant : ordered(names, tenants.canary())) {
            if (!TENANT_NAME.matcher(tenant).matches()) {
                throw new ConvergeException(ErrorKind.USAGE, "tenant name '" + tenant + "' in environment " + env.name()
                        + " has characters other than letters, digits, '_' and '-'; rename it or filter it out of"
                        + " the tenant list or discovery query");
            }
            if (tenants.mode() == TenantsConfig.Mode.SCHEMA) {
                String schema = tenants.schemaOf(tenant);
                out.add(new FleetTarget(env.name(), tenant, url, schema, new InspectScope(Set.of(schema), Set.copyOf(project.managedRoles()))));
            } else {
                String raw = Interpolation.resolve(tenants.urlTemplate(), environment)
                        .replace(TenantsConfig.PLACEHOLDER, tenant);
                out.add(new FleetTarget(env.name(), tenant, parse(raw, env.name()),
                        null, new InspectScope(Set.copyOf(project.schemas()), Set.copyOf(project.managedRoles()))));
            }
        }
        return out;
    }

    private static List<String> ordered(List<String> names, List<String> canary) {
        Set<String> all = new LinkedHashSet<>();
        canary.stream().filter(names::contains).forEach(all::add);
        names.stream().sorted().forEach(all::add);
        return List.copyOf(all);
    }

    private List<String> discover(DatabaseUrl url, String query, String env) {
        List<String> names = new ArrayList<>();
        try (Connection c = dialect.connect(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "the tenant discovery query of environment " + env
                    + " failed on " + url.display() + ": " + e.getMessage(), e);
        }
        return names;
    }

    private DatabaseUrl parse(String raw, String env) {
        if (!dialect.acceptsUrl(raw)) {
            throw new ConvergeException(ErrorKind.USAGE, "the url of environment " + env + " is not a "
                    + dialect.id() + " URL");
        }
        return dialect.parseUrl(raw);
    }
}
