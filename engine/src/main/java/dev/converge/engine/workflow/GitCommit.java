package dev.converge.engine.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * GitCommit finds the commit of the desired-state files when they are in a git work tree, for the
 * history ("which version of the schema is this?"): {@code HEAD}, with {@code -dirty} when the files
 * differ from it. Null when there is no git, no work tree, or the desired state is a database.
 */
public final class GitCommit {
    private GitCommit() {
    }

    public static String of(String desired) {
        if (desired == null) {
            return null;
        }
        Path path = Path.of(desired).toAbsolutePath();
        Path dir = Files.isDirectory(path) ? path : path.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        String head = git(dir, "rev-parse", "HEAD");
        if (head == null || head.isEmpty()) {
            return null;
        }
        String changes = git(dir, "status", "--porcelain", "--", ".");
        return changes == null || changes.isEmpty() ? head : head + "-dirty";
    }

    private static String git(Path dir, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = dir.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
