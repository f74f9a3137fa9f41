package dev.converge.engine.fleet;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.project.EnvironmentConfig;
import dev.converge.engine.project.ProjectConfig;
import dev.converge.engine.project.TenantsConfig;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.DialectRegistry;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.spi.SqlLexer;
import dev.converge.engine.workflow.DesiredStateResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * SchemaSource reads one side of {@code converge diff}: {@code env:NAME} (an environment's single
 * target, or its first tenant), {@code env:NAME/TENANT}, a database URL, or a directory of desired
 * SQL files (normalized in a shadow). Each side says which schema its objects live in when that
 * matters (a tenant schema, or the template schema of a directory), so that two sides in different
 * schemas are compared object for object.
 *
 * @param space the tenant or template schema the model lives in, or null when names are compared as they are
 */
public record SchemaSource(SchemaModel model, String space, String display, DatabaseUrl url) {
    /**
     * Reads a side; {@code other} is the other side's URL when known (a server shadow is made next to
     * it); {@code shadow} null is the dialect's default.
     */
    public static SchemaSource read(String spec, ProjectConfig project, DialectRegistry dialects, ShadowSpec shadow,
                                    DatabaseUrl other) {
        if (spec.startsWith("env:")) {
            return fromEnvironment(spec.substring(4), project, dialects);
        }
        Dialect dialect = project == null ? null : dialects.byId(project.dialect());
        if (!Files.isDirectory(Path.of(spec)) && !Files.isRegularFile(Path.of(spec))) {
            Dialect byUrl = dialects.forUrl(spec);
            DatabaseUrl url = byUrl.parseUrl(spec);
            InspectScope scope = project == null ? InspectScope.ALL : new InspectScope(Set.copyOf(project.schemas()), Set.copyOf(project.managedRoles()));
            return new SchemaSource(inspect(byUrl, url, scope), null, url.display(), url);
        }
        if (dialect == null) {
            dialect = dialects.byId("postgres");
        }
        String template = project == null ? null : project.environments().values().stream()
                .filter(e -> e.hasTenants() && e.tenants().mode() == TenantsConfig.Mode.SCHEMA)
                .map(e -> e.tenants().templateSchema()).findFirst().orElse(null);
        InspectScope scope = template != null ? new InspectScope(Set.of(template), Set.copyOf(project.managedRoles()))
                : project == null ? InspectScope.ALL : new InspectScope(Set.copyOf(project.schemas()), Set.copyOf(project.managedRoles()));
        ShadowSpec chosen = shadow == null ? dialect.defaultShadow() : shadow;
        ShadowSpec spec2 = other == null && chosen.mode() == ShadowSpec.Mode.SERVER ? ShadowSpec.EMBEDDED : chosen;
        ServerVersion version = null;
        if (other != null) {
            try (Connection c = dialect.connect(other)) {
                version = dialect.version(c);
            } catch (SQLException e) {
                throw new ConvergeException(ErrorKind.ERROR, "cannot reach " + other.display(), e);
            }
        }
        SchemaModel model = new DesiredStateResolver(dialect).resolve(spec, spec2, other, version, scope).model();
        return new SchemaSource(model, template, spec, null);
    }

    private static SchemaSource fromEnvironment(String ref, ProjectConfig project, DialectRegistry dialects) {
        if (project == null) {
            throw new ConvergeException(ErrorKind.USAGE, "env:" + ref + " needs a converge.yaml (--config)");
        }
        String[] parts = ref.split("/", 2);
        EnvironmentConfig env = project.environment(parts[0]);
        Dialect dialect = dialects.byId(project.dialect());
        List<FleetTarget> targets = new FleetTargets(dialect).resolve(project, env);
        FleetTarget target = parts.length == 1 ? targets.stream().findFirst().orElseThrow(() -> new ConvergeException(
                ErrorKind.USAGE, "environment " + env.name() + " has no targets"))
                : targets.stream().filter(t -> parts[1].equals(t.tenant())).findFirst().orElseThrow(() ->
                new ConvergeException(ErrorKind.USAGE, "environment " + env.name() + " has no tenant '" + parts[1] + "'"));
        return new SchemaSource(inspect(dialect, target.url(), target.scope()), target.schema(),
                "env:" + env.name() + (target.tenant() == null ? "" : "/" + target.tenant()), target.url());
    }

    private static SchemaModel inspect(Dialect dialect, DatabaseUrl url, InspectScope scope) {
        try (Connection c = dialect.connect(url)) {
            return dialect.inspector().inspect(c, scope);
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot inspect " + url.display() + ": " + e.getMessage(), e);
        }
    }

    /**
     * This side's model in the other side's schema, when one side is a tenant schema or template and
     * both live in single (different) schemas: staging's {@code app} schema compared with prod's
     * {@code t_acme}.
     */
    public SchemaModel in(SchemaSource other, SqlLexer lexer) {
        String mine = singleSchema();
        String theirs = other.singleSchema();
        if ((space == null && other.space == null) || mine == null || theirs == null || mine.equals(theirs)) {
            return model;
        }
        return new SchemaMapping(mine, theirs, lexer).apply(model);
    }

    private String singleSchema() {
        if (space != null) {
            return space;
        }
        return model.schemas().size() == 1 ? model.schemas().get(0).name() : null;
    }
}
