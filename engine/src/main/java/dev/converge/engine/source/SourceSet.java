package dev.converge.engine.source;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.diag.SourceSpan;
import dev.converge.engine.diag.ErrorKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * SourceSet reads the desired state: every {@code .sql} file under a directory, recursively, in a
 * stable order (by relative path), or a single file.
 */
public final class SourceSet {
    private SourceSet() {
    }

    public static List<SourceFile> load(Path root) {
        if (!Files.exists(root)) {
            throw new ConvergeException(ErrorKind.USAGE,
                    "desired state not found: " + root + " (pass a directory of .sql files or a database URL)");
        }
        if (Files.isRegularFile(root)) {
            return List.of(read(root, root.getFileName().toString()));
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> files = paths.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .toList();
            String base = root.toString();
            return files.stream()
                    .map(p -> read(p, displayPath(base, root.relativize(p))))
                    .toList();
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot read " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * The path of a file {@link #load} read from {@code root}, relative to root: what identifies the file
     * wherever the command runs (the display path starts with the root as the user wrote it).
     */
    public static String relativePath(Path root, SourceFile file) {
        if (Files.isRegularFile(root)) {
            return file.displayPath();
        }
        String prefix = displayPath(root.toString(), Path.of(""));
        String path = file.displayPath();
        return !prefix.isEmpty() && path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    private static String displayPath(String base, Path relative) {
        String rel = relative.toString().replace('\\', '/');
        return base.isEmpty() || base.equals(".") ? rel : base.replace('\\', '/').replaceAll("/+$", "") + "/" + rel;
    }

    private static SourceFile read(Path path, String displayPath) {
        try {
            byte[] bytes = Files.readAllBytes(path);
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            int nul = text.indexOf('\0');
            if (nul >= 0) {
                // The server's protocol cannot carry a NUL: say where it is before any database is touched.
                SourceFile file = new SourceFile(displayPath, text);
                SourceSpan at = file.spanAt(nul);
                throw new BadInputException(List.of(new Diagnostic(at, "a NUL byte (\\0) in the file",
                        file.line(at.line()), "SQL text cannot hold NUL bytes: remove it (was the file saved as UTF-16, or is it binary?)")));
            }
            return new SourceFile(displayPath, text);
        } catch (CharacterCodingException e) {
            throw new ConvergeException(ErrorKind.BAD_INPUT, displayPath + ": not valid UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + displayPath, e);
        }
    }
}
