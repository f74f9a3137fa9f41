package dev.converge.engine.fleet;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Shard is one of {@code count} disjoint parts of an environment's targets ({@code --shard K/N}), so
 * that N jobs of a CI matrix or a Kubernetes indexed Job each plan or apply their share. A target
 * belongs to shard {@code 1 + (h mod N)}, where {@code h} is the first 8 bytes, unsigned big-endian,
 * of the SHA-256 of the target's name (the tenant, or the environment for a single target) in
 * UTF-8. The name alone decides: every job computes the same split without talking to the others,
 * the split does not depend on the order or the number of targets, and a tenant added or removed
 * moves no other tenant to another shard.
 *
 * @param index the shard, 1 to count
 * @param count how many shards there are, at least 1
 */
public record Shard(int index, int count) {
    /** The whole environment: one shard of one. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new ConvergeException(ErrorKind.USAGE, "--shard takes K/N with 1 <= K <= N, not " + index + "/" + count);
        }
    }

    /** Reads {@code K/N}, as given on the command line (1-based, like a matrix index plus one). */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConvergeException(ErrorKind.USAGE, "--shard takes K/N (shard K of N, 1 <= K <= N), e.g. 2/8; not '"
                + text + "'");
    }

    /** The shard a target name belongs to, 1 to count. */
    public static int of(String targetName, int count) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(targetName.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (digest[i] & 0xff);
            }
            return 1 + (int) Long.remainderUnsigned(h, count);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public boolean owns(FleetTarget target) {
        return of(target.name(), count) == index;
    }

    /** The targets of this shard, in their order. */
    public List<FleetTarget> select(List<FleetTarget> targets) {
        return count == 1 ? targets : targets.stream().filter(this::owns).toList();
    }

    public boolean isAll() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
