package dev.converge.api;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.DialectRegistry;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredStateResolver;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Checks desired files the way a plan reads them (split, parse, order, load into a shadow) with no
 * target database: {@code converge validate}. Immutable; each setting returns a copy.
 *
 * <pre>{@code
 * String summary = Validation.of("postgres").withoutShadow().validate(Desired.directory(schema));
 * }</pre>
 *
 * <p>A problem in the files is a {@link dev.converge.engine.diag.BadInputException} (file:line:col);
 * an empty desired state, an unknown dialect or a dev database of another dialect is a
 * {@link ConvergeException} of kind USAGE.
 */
public final class Validation {
    private final Dialect dialect;
    private final ShadowSpec shadow;

    private Validation(Dialect dialect, ShadowSpec shadow) {
        this.dialect = dialect;
        this.shadow = shadow;
    }

    /** Validates files of the dialect {@code dialectId} ({@code postgres}, {@code mysql}), loading them into an embedded server. */
    public static Validation of(String dialectId) {
        return new Validation(DialectRegistry.fromServiceLoader().byId(Objects.requireNonNull(dialectId, "dialectId is null")),
                ShadowSpec.EMBEDDED);
    }

    /** Only parses and orders the files; starts no database (well under a second: an editor's on-save hook). */
    public Validation withoutShadow() {
        return new Validation(dialect, null);
    }

    /** Loads the files into this empty dev database instead, emptied again afterwards. */
    public Validation devShadow(String devDatabaseUrl) {
        return new Validation(dialect, devShadow(dialect, Objects.requireNonNull(devDatabaseUrl, "devDatabaseUrl is null")));
    }

    /** A dev database of {@code dialect} as the shadow; a URL of another dialect is a USAGE error. */
    static ShadowSpec devShadow(Dialect dialect, String devDatabaseUrl) {
        if (!dialect.acceptsUrl(devDatabaseUrl)) {
            throw new ConvergeException(ErrorKind.USAGE, "--dev-url must be a " + dialect.id() + " URL");
        }
        return new ShadowSpec(ShadowSpec.Mode.DEV, dialect.parseUrl(devDatabaseUrl));
    }

    /**
     * Checks {@code desired} and tells what was checked: {@code 2 files, 2 statements, loaded in an
     * embedded PostgreSQL 16}, or {@code ..., parsed and ordered (not loaded: no shadow)}.
     */
    public String validate(Desired desired) {
        if (desired.isDatabase()) {
            throw new ConvergeException(ErrorKind.USAGE, "validate checks desired files, not a database:"
                    + " plan against the database instead");
        }
        try (Desired.Materialized files = desired.open()) {
            return new DesiredStateResolver(dialect).validate(Path.of(files.location()), shadow, null, null);
        }
    }
}
