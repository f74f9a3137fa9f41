package dev.converge.engine.workflow;

import dev.converge.engine.diag.Plural;
import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.diag.Phases;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Fingerprints;
import dev.converge.engine.source.SourceFile;
import dev.converge.engine.source.IgnorePatterns;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.source.SourceSet;
import dev.converge.engine.source.SqlStatement;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.LoadAbandonedException;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.Shadow;
import dev.converge.engine.spi.ShadowSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * DesiredStateResolver turns the {@code --desired} argument into a normalized {@link DesiredState}:
 * a directory of SQL files is split, checked, loaded into a shadow database and inspected there; a
 * database URL is inspected directly ("make A look like B", as migra does). Either way the desired
 * model comes from the same inspector as the target's, in the server's canonical form.
 */
public final class DesiredStateResolver {
    private final Dialect dialect;

    private final NormalizationCache cache;

    /** Where a shadow inspected without error is stopped beside what follows; null: stopped before returning. */
    private final PendingStops stops;

    /** A resolver with the cache of this process ({@link NormalizationCache#fromEnvironment()}). */
    public DesiredStateResolver(Dialect dialect) {
        this(dialect, NormalizationCache.fromEnvironment());
    }

    public DesiredStateResolver(Dialect dialect, NormalizationCache cache) {
        this(dialect, cache, null);
    }

    /**
     * A resolver that stops a shadow once it is inspected on a thread of its own, through {@code stops}: the
     * caller's work goes on meanwhile and closes {@code stops} (which waits for the stop) before it returns.
     */
    DesiredStateResolver(Dialect dialect, NormalizationCache cache, PendingStops stops) {
        this.dialect = dialect;
        this.cache = cache;
        this.stops = stops;
    }

    public DesiredState resolve(String desired, ShadowSpec shadowSpec, DatabaseUrl target, ServerVersion version,
                                InspectScope scope) {
        if (dialect.acceptsUrl(desired)) {
            return fromDatabase(dialect.parseUrl(desired), scope);
        }
        return fromFiles(Path.of(desired), shadowSpec, target, version, scope);
    }

    private DesiredState fromDatabase(DatabaseUrl url, InspectScope scope) {
        try (Connection connection = dialect.connect(url)) {
            SchemaModel model = dialect.inspector().inspect(connection, scope);
            return new DesiredState(model, Fingerprints.of(model), url.display());
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot inspect " + url.display() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks a directory of desired-state files as plan would read them: split, parse, order, and,
     * unless {@code shadowSpec} is null, load into a shadow. Returns a one-line description.
     *
     * @throws dev.converge.engine.diag.BadInputException with every problem found
     */
    public String validate(Path dir, ShadowSpec shadowSpec, DatabaseUrl target, ServerVersion version) {
        List<SourceFile> files = readFiles(dir);
        List<SqlStatement> statements = split(files);
        SourceModel source = dialect.loader().parse(statements);
        String counted = count(files.size(), "file") + ", " + count(statements.size(), "statement");
        if (shadowSpec == null) {
            return counted + ", parsed and ordered (not loaded: no shadow)";
        }
        try (ShadowSelection.Opened opened = ShadowSelection.open(dialect, shadowSpec, target, version, source,
                sizeOf(files))) {
            Shadow shadow = opened.shadow();
            if (shadow.ownsCluster()) {
                dialect.loader().prepareCluster(shadow.connection(), source);
            }
            dialect.loader().load(shadow.connection(), source);
            return counted + ", loaded in " + opened.description();
        }
    }

    private static List<SourceFile> readFiles(Path dir) {
        List<SourceFile> files = SourceSet.load(dir);
        if (files.isEmpty()) {
            throw new ConvergeException(ErrorKind.USAGE, "no .sql files under " + dir
                    + "; an empty desired state would drop everything, so Converge refuses it");
        }
        return files;
    }

    private DesiredState fromFiles(Path dir, ShadowSpec shadowSpec, DatabaseUrl target, ServerVersion version,
                                   InspectScope scope) {
        List<SourceFile> files = readFiles(dir);
        NormalizationKey key = NormalizationKey.of(dialect.id(), shadowSpec, version, scope, files,
                files.stream().map(f -> relativePath(dir, f)).toList());
        NormalizationCache.Entry normalized = cache.get(key).orElse(null);
        // On a miss an embedded shadow (seconds to start, and private to this run) starts while the
        // files are split and parsed, and, where the dialect's load needs no parse, is loaded and
        // inspected while they are parsed. A shadow on a server is opened only once the files are known
        // good, so bad input never touches a server. Syntax, annotations and references are checked
        // on a hit too: a hit never hides a mistake in the files, and a mistake wins over whatever the
        // shadow's start or load did.
        EarlyShadow early = normalized == null && shadowSpec.mode() == ShadowSpec.Mode.EMBEDDED
                ? EarlyShadow.start(dialect, shadowSpec, target, version, sizeOf(files)) : null;
        CompletableFuture<Void> filesChecked = new CompletableFuture<>();
        Alongside<NormalizationCache.Entry> loading = null;
        List<SqlStatement> statements;
        SourceModel source;
        try {
            statements = Phases.time(Phases.SPLIT, () -> split(files));
            if (early != null) {
                loading = dialect.loader().loadableWithoutParse(statements).map(loadable -> Alongside.start(
                        "converge-shadow-load", () -> normalize(loadable, early, shadowSpec, target, version, scope,
                                sizeOf(files), filesChecked))).orElse(null);
            }
            source = Phases.time(Phases.PARSE, () -> dialect.loader().parse(statements))
                    .withIgnorePatterns(Files.isDirectory(dir) ? IgnorePatterns.read(dir) : List.of());
        } catch (RuntimeException e) {
            filesChecked.completeExceptionally(e);
            if (loading != null) {
                loading.drop();
            } else if (early != null) {
                early.abandon();
            }
            throw e;
        }
        filesChecked.complete(null);
        String cached = "";
        if (normalized == null) {
            normalized = loading != null ? loading.join()
                    : normalize(source, early, shadowSpec, target, version, scope, sizeOf(files), filesChecked);
            cache.put(key, normalized);
        } else {
            cached = ", taken from the normalization cache";
        }
        return new DesiredState(normalized.model(), Fingerprints.of(dir, files), dir + " (" + count(files.size(), "file")
                + ", " + count(statements.size(), "statement") + ", normalized in " + normalized.shadowDescription()
                + cached + ")", source);
    }

    /**
     * Loads the files into a shadow and inspects it there: the desired model in the server's own words.
     * Until {@code filesChecked} completes the parse is still running beside: the load stops when it
     * fails, and the target's server is used for a missing extension only once it succeeds.
     */
    private NormalizationCache.Entry normalize(SourceModel source, EarlyShadow early, ShadowSpec shadowSpec,
                                               DatabaseUrl target, ServerVersion version, InspectScope scope,
                                               long desiredBytes, CompletableFuture<Void> filesChecked) {
        // The selection may move to the target's server when the embedded one lacks an extension the
        // files create: that choice follows from the key (the embedded major's binaries and the files).
        BooleanSupplier abandoned = filesChecked::isCompletedExceptionally;
        ShadowSelection.Opened opened = early != null
                ? ShadowSelection.open(dialect, shadowSpec, target, version, source, early.await(), filesChecked::join)
                : Phases.time(Phases.SHADOW_START, () -> ShadowSelection.open(dialect, shadowSpec, target, version, source,
                        desiredBytes));
        boolean inspected = false;
        try {
            Shadow shadow = opened.shadow();
            LoadAbandonedException.throwIf(abandoned);
            Phases.time(Phases.LOAD, () -> {
                if (shadow.ownsCluster()) {
                    dialect.loader().prepareCluster(shadow.connection(), source);
                }
                dialect.loader().load(shadow.connection(), source, abandoned);
                return null;
            });
            LoadAbandonedException.throwIf(abandoned);
            SchemaModel model = Phases.time(Phases.INSPECT_DESIRED,
                    () -> dialect.inspector().inspect(shadow.connection(), scope));
            inspected = true;
            return new NormalizationCache.Entry(model, opened.description());
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot inspect the shadow database: " + e.getMessage(), e);
        } finally {
            // On an error the shadow is stopped before the error is reported, as it always was.
            if (inspected && stops != null) {
                stops.start(() -> Phases.time(Phases.SHADOW_STOP, () -> {
                    opened.close();
                    return null;
                }));
            } else {
                opened.close();
            }
        }
    }


    /** The desired files' size (characters, about their bytes): how large the shadow's load is expected to be. */
    private static long sizeOf(List<SourceFile> files) {
        return files.stream().mapToLong(f -> f.text().length()).sum();
    }

    /** A file's path relative to the desired root, whatever directory Converge runs in. */
    private static String relativePath(Path dir, SourceFile file) {
        String base = dir.toString().replace('\\', '/').replaceAll("/+$", "");
        String path = file.displayPath();
        return base.isEmpty() || base.equals(".") || !path.startsWith(base + "/") ? path
                : path.substring(base.length() + 1);
    }

    /** Splits every file, collecting the lexical errors of all of them before failing. */
    private List<SqlStatement> split(List<SourceFile> files) {
        List<SqlStatement> statements = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (SourceFile file : files) {
            try {
                statements.addAll(dialect.splitter().split(file));
            } catch (BadInputException e) {
                problems.addAll(e.diagnostics());
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return statements;
    }

    private static String count(int n, String noun) {
        return Plural.count(n, noun);
    }
}
