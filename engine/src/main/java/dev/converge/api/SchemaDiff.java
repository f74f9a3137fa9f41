package dev.converge.api;

import dev.converge.engine.fleet.SchemaSource;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.project.ProjectConfig;
import dev.converge.engine.project.ProjectConfigReader;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.DialectRegistry;
import dev.converge.engine.spi.ShadowSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The plan that would make one schema look like another, whatever each is: {@code converge diff}.
 * A side is {@code env:NAME} or {@code env:NAME/TENANT} of a converge.yaml (its first target, or that
 * tenant), a database URL, or a directory (or file) of desired SQL, normalized in a shadow. Nothing is
 * changed. Immutable; each setting returns a copy.
 *
 * <pre>{@code
 * DiffPlan drift = SchemaDiff.between("env:staging", "env:prod").project(config).plan();
 * System.out.print(drift.render(Format.TEXT));
 * }</pre>
 */
public final class SchemaDiff {
    private final String wanted;
    private final String changed;
    private final Path configFile;
    private final ShadowSpec shadow;

    private SchemaDiff(String wanted, String changed, Path configFile, ShadowSpec shadow) {
        this.wanted = wanted;
        this.changed = changed;
        this.configFile = configFile;
        this.shadow = shadow;
    }

    /** The plan that makes {@code changed} look like {@code wanted}. */
    public static SchemaDiff between(String wanted, String changed) {
        return new SchemaDiff(Objects.requireNonNull(wanted, "wanted is null"),
                Objects.requireNonNull(changed, "changed is null"), null, null);
    }

    /**
     * Reads {@code env:} sides from this converge.yaml, whose dialect, schemas and managed roles also
     * apply to the other sides; a file that does not exist is no project (the default).
     */
    public SchemaDiff project(Path converge) {
        return new SchemaDiff(wanted, changed, converge, shadow);
    }

    /** Normalizes a directory side in an embedded server (default: the dialect's default shadow). */
    public SchemaDiff embeddedShadow() {
        return new SchemaDiff(wanted, changed, configFile, ShadowSpec.EMBEDDED);
    }

    /** Normalizes a directory side in a throwaway database on the other side's server. */
    public SchemaDiff serverShadow() {
        return new SchemaDiff(wanted, changed, configFile, ShadowSpec.SERVER);
    }

    /** Reads both sides (the one to change first, so a server shadow can be made next to it) and plans. */
    public DiffPlan plan() {
        ProjectConfig project = configFile != null && Files.exists(configFile) ? ProjectConfigReader.read(configFile) : null;
        DialectRegistry dialects = DialectRegistry.fromServiceLoader();
        boolean wantedIsPath = Files.exists(Path.of(wanted));
        SchemaSource target = SchemaSource.read(changed, project, dialects, shadow, null);
        SchemaSource desired = SchemaSource.read(wanted, project, dialects, shadow, wantedIsPath ? target.url() : null);
        Dialect dialect = dialects.byId(project == null ? "postgres" : project.dialect());
        Plan plan = Planner.of(dialect).plan(target.model(), desired.in(target, dialect.lexer()), target.display());
        return new DiffPlan(plan);
    }
}
