package dev.converge.engine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.source.SourceFile;
import dev.converge.engine.source.SourceSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Fingerprints hashes schemas and desired-state files (SHA-256, hex). A model's fingerprint is the
 * hash of its canonical JSON: models are sorted on construction, so equal schemas hash equally.
 */
public final class Fingerprints {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Fingerprints() {
    }

    public static String of(SchemaModel model) {
        try {
            return sha256(JSON.writeValueAsBytes(model));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a schema model", e);
        }
    }

    /** Hash of the files' paths and contents, in their stable order. */
    public static String of(List<SourceFile> files) {
        return ofFiles(files.stream().map(SourceFile::displayPath).toList(), files);
    }

    /**
     * Hash of the desired state read from {@code root}: of the contents and of the paths relative to the
     * root, nothing else, so that the same files hash the same from any working directory (the promotion
     * gate and {@code status} compare these hashes across runs and machines).
     */
    public static String of(Path root, List<SourceFile> files) {
        return ofFiles(files.stream().map(f -> SourceSet.relativePath(root, f)).toList(), files);
    }

    private static String ofFiles(List<String> paths, List<SourceFile> files) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            all.append(paths.get(i)).append('\0').append(files.get(i).text()).append('\0');
        }
        return sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Hash of any text (a plan's statements, to group identical plans). */
    public static String ofText(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
