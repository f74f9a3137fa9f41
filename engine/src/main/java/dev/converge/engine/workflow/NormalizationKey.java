package dev.converge.engine.workflow;

import dev.converge.engine.source.SourceFile;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.ShadowSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * NormalizationKey names exactly what a shadow's desired model depends on: the files (their paths
 * relative to the desired root, in load order, and their content), the server that normalizes them
 * (for an embedded shadow the major, which picks its binaries; for a shadow on the target's server its
 * full version; whether it is the default, which may fall back to another), the schemas and roles
 * inspected, the dialect and Converge's own build. Anything else
 * (the working directory, the target's name, the time) is not in it, so every environment and
 * tenant with the same files and server shares one normalization.
 *
 * @param text the key as readable lines, stored in a cache entry to tell a foreign entry apart
 * @param hash SHA-256 of {@code text}, the entry's name
 */
public record NormalizationKey(String text, String hash) {
    /** The key of a normalization, or null when the shadow is a dev database (its server is not known here). */
    public static NormalizationKey of(String dialect, ShadowSpec shadow, ServerVersion target, InspectScope scope,
                                      List<SourceFile> files, List<String> relativePaths) {
        if (shadow.mode() == ShadowSpec.Mode.DEV) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        text.append("converge ").append(ConvergeBuild.identity()).append('\n');
        text.append("dialect ").append(dialect).append('\n');
        text.append("shadow ").append(shadow.mode().name().toLowerCase(java.util.Locale.ROOT)).append(' ');
        if (target == null) {
            text.append("default");
        } else if (shadow.mode() == ShadowSpec.Mode.EMBEDDED) {
            text.append("major ").append(target.major());
        } else {
            text.append(target.major()).append('.').append(target.minor()).append(' ').append(target.text());
        }
        // a default shadow may fall back to another when it cannot load the files: what it made must
        // not answer for a shadow someone chose (--shadow embedded must fail as it would without a cache)
        if (shadow.byDefault()) {
            text.append(" by default");
        }
        text.append('\n');
        text.append("schemas ").append(new TreeSet<>(scope.schemas())).append('\n');
        text.append("roles ").append(new TreeSet<>(scope.managedRoles())).append('\n');
        for (int i = 0; i < files.size(); i++) {
            text.append("file ").append(relativePaths.get(i)).append(' ')
                    .append(sha256(files.get(i).text())).append('\n');
        }
        return new NormalizationKey(text.toString(), sha256(text.toString()));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
