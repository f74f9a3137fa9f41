package dev.converge.engine.binaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BinaryResolverTest resolves a jar through a real HTTP repository on a local port (the JDK's own
 * server, serving Maven's layout), so that download, checksum, cache, offline and proxy behave as they
 * do against Maven Central, without depending on the network.
 */
class BinaryResolverTest {
    private static final MavenArtifact ARTIFACT = new MavenArtifact("io.example.db", "server-bin", "1.2.3");
    private static final byte[] JAR = "not really a jar, but bytes with a known hash".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            // A proxied request names the whole URL; a direct one only the path: both map to the path.
            byte[] body = served.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        served.put("/maven2/" + ARTIFACT.path(), JAR);
        served.put("/maven2/" + ARTIFACT.path() + ".sha1", (sha1(JAR) + "  server-bin-1.2.3.jar\n").getBytes(
                StandardCharsets.US_ASCII));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI repository() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/maven2");
    }

    @Test
    void downloadsOnceIntoTheCacheCheckedAgainstTheSha1() throws IOException {
        Path cache = dir.resolve("cache");
        BinaryResolver resolver = new BinaryResolver(List.of(dir.resolve("empty-repo")), cache, repository(), false,
                Optional.empty());

        Path jar = resolver.resolve(ARTIFACT, "the test binaries");

        assertEquals(cache.resolve(ARTIFACT.path()), jar);
        assertEquals(new String(JAR, StandardCharsets.UTF_8), Files.readString(jar));
        assertEquals(List.of(jar), files(cache), "only the whole jar is left, no part file");
        int afterFirst = requests.get();
        server.stop(0);
        assertEquals(jar, resolver.resolve(ARTIFACT, "the test binaries"), "the second run uses the cache");
        assertEquals(2, afterFirst, "one checksum and one jar request");
    }

    @Test
    void aLocalRepositoryIsUsedBeforeAnyDownload() throws IOException {
        Path repo = dir.resolve("m2");
        Path local = repo.resolve(ARTIFACT.path());
        Files.createDirectories(local.getParent());
        Files.write(local, JAR);

        Path jar = new BinaryResolver(List.of(repo), dir.resolve("cache"), repository(), false, Optional.empty())
                .resolve(ARTIFACT, "the test binaries");

        assertEquals(local, jar);
        assertEquals(0, requests.get());
    }

    @Test
    void aDownloadWhoseSha1DiffersIsRefusedAndNotKept() throws IOException {
        served.put("/maven2/" + ARTIFACT.path(), "tampered".getBytes(StandardCharsets.UTF_8));
        Path cache = dir.resolve("cache");
        BinaryResolver resolver = new BinaryResolver(List.of(), cache, repository(), false, Optional.empty());

        ConvergeException e = assertThrows(ConvergeException.class, () -> resolver.resolve(ARTIFACT, "the test binaries"));

        assertEquals(ErrorKind.BINARIES_UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("SHA-1"), e.getMessage());
        assertEquals(List.of(), files(cache));
    }

    @Test
    void anUnreachableRepositoryWithAnEmptyCacheNamesTheAlternatives() {
        BinaryResolver resolver = new BinaryResolver(List.of(dir.resolve("empty-repo")), dir.resolve("cache"),
                URI.create("http://127.0.0.1:1/maven2/"), false, Optional.empty());

        ConvergeException e = assertThrows(ConvergeException.class, () -> resolver.resolve(ARTIFACT, "the test binaries"));

        assertEquals(ErrorKind.BINARIES_UNAVAILABLE, e.kind());
        assertEquals(6, e.kind().exitCode());
        for (String alternative : List.of("--shadow server", "--dev-url", "full bundle", "io.example.db:server-bin:1.2.3",
                dir.resolve("cache").toString())) {
            assertTrue(e.getMessage().contains(alternative), alternative + " in: " + e.getMessage());
        }
    }

    @Test
    void offlineSettingsNeverDownload() {
        BinaryResolver resolver = new BinaryResolver(List.of(), dir.resolve("cache"), repository(), true,
                Optional.empty());

        ConvergeException e = assertThrows(ConvergeException.class, () -> resolver.resolve(ARTIFACT, "the test binaries"));

        assertTrue(e.getMessage().contains("offline"), e.getMessage());
        assertEquals(0, requests.get());
    }

    @Test
    void theSettingsProxyCarriesTheDownload() {
        // No such host: only a request through the proxy (our server) can succeed.
        MavenSettings.Proxy proxy = new MavenSettings.Proxy("127.0.0.1", server.getAddress().getPort(), null, null,
                List.of());
        BinaryResolver resolver = new BinaryResolver(List.of(), dir.resolve("cache"),
                URI.create("http://repository.invalid/maven2/"), false, Optional.of(proxy));

        Path jar = resolver.resolve(ARTIFACT, "the test binaries");

        assertTrue(Files.isRegularFile(jar));
        assertEquals(2, requests.get());
    }

    @Test
    void settingsGiveTheLocalRepositoryMirrorOfflineAndProxy() throws IOException {
        Path settings = dir.resolve("settings.xml");
        Files.writeString(settings, """
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <localRepository>${user.home}/elsewhere/repo</localRepository>
                  <offline>true</offline>
                  <mirrors>
                    <mirror><id>other</id><mirrorOf>snapshots</mirrorOf><url>https://other.example/</url></mirror>
                    <mirror><id>corp</id><mirrorOf>*,!snapshots</mirrorOf><url>https://nexus.example/central</url></mirror>
                  </mirrors>
                  <proxies>
                    <proxy><id>off</id><active>false</active><protocol>http</protocol><host>old.example</host></proxy>
                    <proxy><id>on</id><protocol>https</protocol><host>proxy.example</host><port>3128</port>
                      <username>me</username><password>secret</password>
                      <nonProxyHosts>localhost|*.corp.example</nonProxyHosts></proxy>
                  </proxies>
                </settings>
                """);

        MavenSettings read = MavenSettings.read(settings, dir.resolve("default"));

        assertEquals(Path.of(System.getProperty("user.home"), "elsewhere", "repo"), read.localRepository());
        assertTrue(read.offline());
        assertEquals(URI.create("https://nexus.example/central/"), read.centralUrl());
        MavenSettings.Proxy proxy = read.proxy().orElseThrow();
        assertEquals("proxy.example", proxy.host());
        assertEquals(3128, proxy.port());
        assertTrue(proxy.bypasses("build.corp.example"));
        assertFalse(proxy.bypasses("repo.maven.apache.org"));
        assertFalse(proxy.toString().contains("secret"), "a proxy's password is never printed");
    }

    @Test
    void noSettingsFileMeansMavenCentralAndTheDefaultRepository() {
        MavenSettings read = MavenSettings.read(dir.resolve("missing.xml"), dir.resolve("default"));

        assertEquals(new MavenSettings(dir.resolve("default"), false, MavenSettings.CENTRAL, Optional.empty()), read);
        assertFalse(MavenSettings.mirrorsCentral("*,!central"));
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
