package dev.converge.dialect.postgres.shadow;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.ManagedShadow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * ShadowPlacements decides where an embedded shadow's data directory goes. On a machine whose disk
 * is slow to create and write files (most of a shadow's start and much of its load, measured in
 * docs/performance.md) a data directory on tmpfs is faster; tmpfs is memory, though, often small in
 * containers (64 MB under Docker's default), so it is chosen only when the expected size of the
 * loaded shadow fits there, and in the memory the machine has available, with a wide margin.
 *
 * <p>Settings, strongest first: {@code -Dconverge.shadow.dir=DIR} (that directory, whatever it is);
 * {@code -Dconverge.shadow.tmpfs=auto|on|off} or the environment variable {@code CONVERGE_SHADOW_TMPFS}
 * (auto, the default: tmpfs when it fits; on: tmpfs whatever the sizes say; off: the temp directory).
 */
final class ShadowPlacements {
    /** The system property that forces the choice: auto, on or off. */
    static final String PROPERTY = "converge.shadow.tmpfs";
    /** The same as an environment variable, for a CI job that sets no JVM option. */
    static final String ENVIRONMENT = "CONVERGE_SHADOW_TMPFS";
    /** Where Linux mounts a tmpfs every user may write. */
    static final Path DEV_SHM = Path.of("/dev/shm");

    /**
     * An initialised data directory (39 MB for PostgreSQL 15, 16 MB of it WAL) plus the WAL the shadow
     * keeps (max_wal_size 64 MB, see {@link EmbeddedShadow}, which a checkpoint may briefly overrun).
     */
    static final long BASE_BYTES = 192L << 20;
    /**
     * Bytes of data directory per byte of desired SQL beyond the base: the catalog rows, their indexes
     * and the dead tuples a load of DDL leaves. Measured at about 53 (the 1.36 MB file of 1,000 tables
     * grew the databases by 72 MB; docs/performance.md); 80 leaves room.
     */
    static final long BYTES_PER_SQL_BYTE = 80;
    /** The free space wanted on tmpfs, as a multiple of the expected size. */
    static final long MARGIN = 2;
    /** Memory left for everything else (the JVM, the servers' own memory, other processes) beyond the margin. */
    static final long MEMORY_RESERVE = 1L << 30;

    /** How the choice is made. */
    enum Mode {
        AUTO, ON, OFF;

        static Mode parse(String text, String from) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConvergeException(ErrorKind.USAGE, from + " must be auto, on or off, not '" + text
                        + "'; leave it unset for auto (tmpfs when the shadow fits there)");
            }
        }
    }

    /** The free space on a candidate tmpfs and the memory available, where known. */
    record Room(Path tmpfs, OptionalLong tmpfsFree, OptionalLong memoryAvailable) {
    }

    private ShadowPlacements() {
    }

    /** The placement for a shadow that loads {@code desiredBytes} of SQL, from this process's settings. */
    static ShadowPlacement fromEnvironment(long desiredBytes) {
        Path disk = Path.of(System.getProperty("java.io.tmpdir"));
        String dir = System.getProperty(ManagedShadow.WORK_DIRECTORY_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            Path chosen = Path.of(dir);
            return new ShadowPlacement(chosen, isTmpfs(chosen), "set by -D" + ManagedShadow.WORK_DIRECTORY_PROPERTY);
        }
        String property = System.getProperty(PROPERTY);
        String environment = System.getenv(ENVIRONMENT);
        Mode mode = Mode.AUTO;
        String from = "";
        if (property != null && !property.isBlank()) {
            mode = Mode.parse(property, "-D" + PROPERTY);
            from = "-D" + PROPERTY + "=" + property.trim();
        } else if (environment != null && !environment.isBlank()) {
            mode = Mode.parse(environment, ENVIRONMENT);
            from = ENVIRONMENT + "=" + environment.trim();
        }
        return choose(mode, from, disk, room(DEV_SHM), desiredBytes);
    }

    /**
     * The choice itself, from what was measured.
     *
     * @param from where a forcing mode came from, for the reason; "" for the default
     */
    static ShadowPlacement choose(Mode mode, String from, Path disk, Room room, long desiredBytes) {
        long expected = expectedBytes(desiredBytes);
        switch (mode) {
            case OFF:
                return new ShadowPlacement(disk, false, "tmpfs not used (" + from + ")");
            case ON:
                if (room.tmpfsFree().isEmpty()) {
                    throw new ConvergeException(ErrorKind.USAGE, from + " asks for the shadow's data directory on tmpfs, but "
                            + room.tmpfs() + " is not a writable tmpfs here; set it to auto or off");
                }
                return new ShadowPlacement(room.tmpfs(), true, "forced by " + from + " (about " + mib(expected)
                        + " expected, " + mib(room.tmpfsFree().getAsLong()) + " free there)");
            default:
                break;
        }
        String sizes = "about " + mib(expected) + " expected for " + mib(desiredBytes) + " of desired SQL";
        if (room.tmpfsFree().isEmpty()) {
            return new ShadowPlacement(disk, false, "no writable tmpfs at " + room.tmpfs());
        }
        long free = room.tmpfsFree().getAsLong();
        if (free < MARGIN * expected) {
            return new ShadowPlacement(disk, false, sizes + ", but only " + mib(free) + " free on " + room.tmpfs()
                    + " (" + MARGIN + "x wanted)");
        }
        if (room.memoryAvailable().isPresent() && room.memoryAvailable().getAsLong() < MARGIN * expected + MEMORY_RESERVE) {
            return new ShadowPlacement(disk, false, sizes + ", but only " + mib(room.memoryAvailable().getAsLong())
                    + " of memory available (" + MARGIN + "x that plus " + mib(MEMORY_RESERVE) + " wanted)");
        }
        return new ShadowPlacement(room.tmpfs(), true, sizes + ", " + mib(free) + " free on " + room.tmpfs()
                + (room.memoryAvailable().isPresent() ? ", " + mib(room.memoryAvailable().getAsLong()) + " of memory available"
                : "") + "; -D" + PROPERTY + "=off to keep it on disk");
    }

    /** What a shadow that loads {@code desiredBytes} of SQL is expected to hold on disk, at most. */
    static long expectedBytes(long desiredBytes) {
        return BASE_BYTES + BYTES_PER_SQL_BYTE * Math.max(0, desiredBytes);
    }

    /** The free space on {@code tmpfs} if it is a writable tmpfs directory, and the memory available. */
    static Room room(Path tmpfs) {
        OptionalLong free = OptionalLong.empty();
        if (Files.isDirectory(tmpfs) && Files.isWritable(tmpfs) && isTmpfs(tmpfs)) {
            try {
                free = OptionalLong.of(Files.getFileStore(tmpfs).getUsableSpace());
            } catch (IOException e) {
                // Not measurable: treated as absent, the shadow stays on disk.
            }
        }
        return new Room(tmpfs, free, memoryAvailable());
    }

    private static boolean isTmpfs(Path dir) {
        try {
            FileStore store = Files.getFileStore(dir);
            return "tmpfs".equals(store.type());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Linux's estimate of the memory that can be used without swapping (MemAvailable), or less when this
     * process's cgroup (v2) has a memory limit closer: tmpfs pages are charged to the cgroup that writes
     * them, and a container's /proc/meminfo shows the host's memory. Empty where neither is known.
     */
    private static OptionalLong memoryAvailable() {
        OptionalLong available = OptionalLong.empty();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("MemAvailable:")) {
                    String[] parts = line.trim().split("\\s+");
                    available = OptionalLong.of(Long.parseLong(parts[1]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: the tmpfs's own free space decides alone.
        }
        try {
            Path cgroup = Path.of("/sys/fs/cgroup");
            String max = Files.readString(cgroup.resolve("memory.max"), StandardCharsets.US_ASCII).trim();
            if (!"max".equals(max)) {
                long current = Long.parseLong(Files.readString(cgroup.resolve("memory.current"), StandardCharsets.US_ASCII).trim());
                long left = Math.max(0, Long.parseLong(max) - current);
                available = OptionalLong.of(available.isPresent() ? Math.min(available.getAsLong(), left) : left);
            }
        } catch (IOException | RuntimeException e) {
            // No cgroup v2 limit here.
        }
        return available;
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }
}
