package dev.converge.dialect.postgres.shadow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * TemplateKey is what an initialised data directory depends on: the server binaries (zonky's version
 * of them and the platform they run on) and the settings initdb is given. Two runs with equal keys may
 * start from copies of the same template; anything else gets a template of its own.
 *
 * @param binariesVersion zonky's version of the binaries, e.g. 15.19.0
 * @param platform        zonky's platform suffix, e.g. linux-amd64
 * @param initdbSettings  what initdb is told (locale, encoding, superuser, authentication)
 */
record TemplateKey(String binariesVersion, String platform, Map<String, String> initdbSettings) {
    /** Raised when what a template holds or how its marker is written changes, so old templates are not used. */
    private static final int FORMAT = 1;

    TemplateKey {
        initdbSettings = Map.copyOf(initdbSettings);
    }

    /** The text the marker keeps and compares: every part of the key, in a fixed order. */
    String canonical() {
        return "format=" + FORMAT + ";binaries=" + binariesVersion + ";platform=" + platform + ";initdb="
                + new TreeMap<>(initdbSettings);
    }

    /** The template's directory name: readable for a person, unique through a hash of the whole key. */
    String directoryName() {
        return "postgres-" + binariesVersion + "-" + platform + "-" + hash().substring(0, 12);
    }

    private String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
