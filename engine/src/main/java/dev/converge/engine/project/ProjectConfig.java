package dev.converge.engine.project;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * ProjectConfig is a parsed converge.yaml: the dialect, where the desired state is, which shadow
 * normalizes it, which schemas the project owns, and its environments in declaration order.
 *
 * @param desired the desired-state directory, resolved against the file's directory
 * @param shadow  "embedded", "server" or "dev"; null for the dialect's default ({@link dev.converge.engine.spi.Dialect#defaultShadow})
 * @param devUrl  the dev database when shadow is "dev", else null
 * @param schemas the schemas the project manages in single-database targets; empty for all
 * @param managedRoles the roles whose privileges the project manages ({@code managed_roles:}); empty for none
 * @param ignore  ignore patterns of objects other tools own ({@code audit_*}, {@code app.tmp_*}), for
 *                every environment, on top of {@code .convergeignore} and {@code --ignore}
 */
public record ProjectConfig(Path file, String dialect, Path desired, String shadow, ConfigValue devUrl,
                            List<String> schemas, Map<String, EnvironmentConfig> environments,
                            List<String> managedRoles, List<String> ignore) {
    public static final String DEFAULT_FILE = "converge.yaml";

    public ProjectConfig {
        requireNonNull(file, "file is null");
        requireNonNull(desired, "desired is null");
        schemas = List.copyOf(schemas);
        managedRoles = managedRoles == null ? List.of() : List.copyOf(managedRoles);
        ignore = ignore == null ? List.of() : List.copyOf(ignore);
        environments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environments));
    }

    /** A project that manages no role's privileges and ignores nothing beyond its files. */
    public ProjectConfig(Path file, String dialect, Path desired, String shadow, ConfigValue devUrl,
                         List<String> schemas, Map<String, EnvironmentConfig> environments) {
        this(file, dialect, desired, shadow, devUrl, schemas, environments, List.of(), List.of());
    }

    /** The environment with this name; a usage error listing the known ones otherwise. */
    public EnvironmentConfig environment(String name) {
        EnvironmentConfig env = environments.get(name);
        if (env == null) {
            throw new ConvergeException(ErrorKind.USAGE, "no environment '" + name + "' in " + file
                    + "; environments: " + String.join(", ", environments.keySet()));
        }
        return env;
    }

    /** Environments in promotion order: an environment comes after the one it names in {@code after}. */
    public List<EnvironmentConfig> promotionOrder() {
        return PromotionOrder.of(environments.values());
    }
}
