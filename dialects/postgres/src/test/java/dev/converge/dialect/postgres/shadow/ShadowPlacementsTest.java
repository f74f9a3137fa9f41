package dev.converge.dialect.postgres.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.diag.Phases;
import dev.converge.engine.spi.ManagedShadow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 2: the embedded shadow's data directory goes on tmpfs when the expected load fits
 * there with a wide margin, on disk otherwise, either when forced; the choice is said under --verbose.
 * The decision from sizes is checked on numbers, then real embedded servers start where it placed them
 * (this machine's /dev/shm, a tmpfs) and leave nothing behind.
 */
class ShadowPlacementsTest {
    private static final long MIB = 1L << 20;
    private static final Path DISK = Path.of("/var/tmp/disk");
    private static final Path SHM = Path.of("/dev/shm");

    @TempDir
    Path temp;

    @Test
    void aLoadThatFitsTwiceInTmpfsAndInMemoryGoesToTmpfs() {
        long sql = 1_360_288; // variant B of gen_schema.py at 1,000 tables
        long expected = ShadowPlacements.expectedBytes(sql);
        ShadowPlacement placement = ShadowPlacements.choose(ShadowPlacements.Mode.AUTO, "", DISK,
                room(2 * expected, 2 * expected + ShadowPlacements.MEMORY_RESERVE), sql);
        assertEquals(SHM, placement.parent());
        assertTrue(placement.inMemory());
        assertTrue(placement.reason().startsWith("about " + (expected >> 20) + " MiB expected for 1 MiB of desired SQL"),
                placement.reason());
    }

    @Test
    void aLoadThatDoesNotFitTwiceInTmpfsStaysOnDisk() {
        long sql = 12L * MIB;
        long expected = ShadowPlacements.expectedBytes(sql);
        ShadowPlacement placement = ShadowPlacements.choose(ShadowPlacements.Mode.AUTO, "", DISK,
                room(2 * expected - 1, 64L << 30), sql);
        assertEquals(DISK, placement.parent());
        assertFalse(placement.inMemory());
        assertTrue(placement.reason().contains("but only " + ((2 * expected - 1) >> 20) + " MiB free on /dev/shm"),
                placement.reason());
    }

    @Test
    void aDockerSizedShmStaysOnDiskEvenForATinyLoad() {
        ShadowPlacement placement = ShadowPlacements.choose(ShadowPlacements.Mode.AUTO, "", DISK,
                room(64 * MIB, 64L << 30), 100);
        assertEquals(DISK, placement.parent());
    }

    @Test
    void aLoadThatFitsInTmpfsButNotInTheMemoryAvailableStaysOnDisk() {
        long expected = ShadowPlacements.expectedBytes(0);
        ShadowPlacement placement = ShadowPlacements.choose(ShadowPlacements.Mode.AUTO, "", DISK,
                room(100L << 30, 2 * expected + ShadowPlacements.MEMORY_RESERVE - 1), 0);
        assertEquals(DISK, placement.parent());
        assertTrue(placement.reason().contains("of memory available"), placement.reason());
    }

    @Test
    void noTmpfsMeansDisk() {
        ShadowPlacement placement = ShadowPlacements.choose(ShadowPlacements.Mode.AUTO, "", DISK,
                new ShadowPlacements.Room(SHM, OptionalLong.empty(), OptionalLong.empty()), 0);
        assertEquals(DISK, placement.parent());
        assertEquals("no writable tmpfs at /dev/shm", placement.reason());
    }

    @Test
    void forcedOnUsesTmpfsWhateverTheSizesSayAndForcedOffNeverDoes() {
        ShadowPlacement on = ShadowPlacements.choose(ShadowPlacements.Mode.ON, "-Dconverge.shadow.tmpfs=on", DISK,
                room(64 * MIB, 0), 100 * MIB);
        assertEquals(SHM, on.parent());
        assertTrue(on.reason().startsWith("forced by -Dconverge.shadow.tmpfs=on"), on.reason());

        ShadowPlacement off = ShadowPlacements.choose(ShadowPlacements.Mode.OFF, "CONVERGE_SHADOW_TMPFS=off", DISK,
                room(100L << 30, 100L << 30), 0);
        assertEquals(DISK, off.parent());
        assertEquals("tmpfs not used (CONVERGE_SHADOW_TMPFS=off)", off.reason());
    }

    @Test
    void forcedOnWithoutATmpfsIsAUsageError() {
        ConvergeException e = assertThrows(ConvergeException.class, () -> ShadowPlacements.choose(
                ShadowPlacements.Mode.ON, "-Dconverge.shadow.tmpfs=on", DISK,
                new ShadowPlacements.Room(SHM, OptionalLong.empty(), OptionalLong.empty()), 0));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("set it to auto or off"), e.getMessage());
    }

    @Test
    void theSettingIsReadFromThePropertyAndABadValueIsAUsageError() {
        String before = System.getProperty(ShadowPlacements.PROPERTY);
        try {
            System.setProperty(ShadowPlacements.PROPERTY, "off");
            ShadowPlacement off = ShadowPlacements.fromEnvironment(0);
            assertEquals(Path.of(System.getProperty("java.io.tmpdir")), off.parent());
            assertEquals("tmpfs not used (-Dconverge.shadow.tmpfs=off)", off.reason());

            System.setProperty(ShadowPlacements.PROPERTY, "sometimes");
            ConvergeException e = assertThrows(ConvergeException.class, () -> ShadowPlacements.fromEnvironment(0));
            assertEquals(ErrorKind.USAGE, e.kind());
            assertTrue(e.getMessage().startsWith("-Dconverge.shadow.tmpfs must be auto, on or off, not 'sometimes'"),
                    e.getMessage());
        } finally {
            restore(ShadowPlacements.PROPERTY, before);
        }
    }

    @Test
    void anExplicitShadowDirectoryWinsOverTheChoice() {
        String before = System.getProperty(ManagedShadow.WORK_DIRECTORY_PROPERTY);
        try {
            System.setProperty(ManagedShadow.WORK_DIRECTORY_PROPERTY, temp.toString());
            ShadowPlacement placement = ShadowPlacements.fromEnvironment(0);
            assertEquals(temp, placement.parent());
            assertEquals("set by -Dconverge.shadow.dir", placement.reason());
        } finally {
            restore(ManagedShadow.WORK_DIRECTORY_PROPERTY, before);
        }
    }

    /** This machine: /dev/shm is a tmpfs with gigabytes free, so a small load goes there and a huge one does not. */
    @Test
    void onThisMachineASmallLoadGoesToDevShmAndAHugeOneToDisk() {
        ShadowPlacements.Room room = ShadowPlacements.room(ShadowPlacements.DEV_SHM);
        assertTrue(room.tmpfsFree().isPresent(), "/dev/shm is a writable tmpfs on the project's machine");
        ShadowPlacement small = ShadowPlacements.choose(ShadowPlacements.Mode.AUTO, "", DISK, room, 1_000_000);
        assertTrue(small.inMemory(), small.describe());
        ShadowPlacement huge = ShadowPlacements.choose(ShadowPlacements.Mode.AUTO, "", DISK, room,
                room.tmpfsFree().getAsLong());
        assertEquals(DISK, huge.parent(), huge.describe());
        assertEquals(isTmpfs(temp), ShadowPlacements.room(temp).tmpfsFree().isPresent(),
                "a directory counts as tmpfs exactly when it is on one (" + temp + ")");
    }

    /** A real server on /dev/shm: it works, writes its WAL there within the cap, and leaves nothing behind. */
    @Test
    void aShadowOnTmpfsWorksAndIsRemovedAfterwards() throws Exception {
        ShadowPlacement placement = ShadowPlacements.choose(ShadowPlacements.Mode.ON, "a test", DISK,
                ShadowPlacements.room(ShadowPlacements.DEV_SHM), 0);
        List<String> notes = new CopyOnWriteArrayList<>();
        EmbeddedShadow shadow = PhaseNotes.recording(notes, () -> EmbeddedShadow.start(null, templates(), placement));
        Path directory = shadow.directory();
        try {
            assertEquals(SHM, directory.getParent());
            assertTrue(isTmpfs(directory), directory + " is on tmpfs");
            try (Statement st = shadow.connection().createStatement()) {
                st.execute("CREATE TABLE t (id int PRIMARY KEY, name text)");
                try (ResultSet rs = st.executeQuery("SELECT current_setting('wal_level'), current_setting('max_wal_size'),"
                        + " current_setting('fsync'), pg_catalog.to_regclass('public.t') IS NOT NULL")) {
                    assertTrue(rs.next());
                    assertEquals("minimal", rs.getString(1));
                    assertEquals("64MB", rs.getString(2));
                    assertEquals("off", rs.getString(3));
                    assertTrue(rs.getBoolean(4));
                }
            }
        } finally {
            shadow.close();
        }
        assertFalse(Files.exists(directory), "the data directory on tmpfs is deleted on close");
        assertTrue(notes.contains(Phases.SHADOW_START + ": " + placement.describe()), notes.toString());
    }

    /** A tmpfs directory that cannot be used after all: the shadow starts under java.io.tmpdir and says so. */
    @Test
    void whenTheChosenDirectoryCannotBeUsedTheShadowFallsBackToTheTempDirectory() throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("not-a-directory"), "x");
        ShadowPlacement placement = new ShadowPlacement(notADirectory, true, "a test");
        List<String> notes = new CopyOnWriteArrayList<>();
        EmbeddedShadow shadow = PhaseNotes.recording(notes, () -> EmbeddedShadow.start(null, templates(), placement));
        Path directory = shadow.directory();
        try {
            assertEquals(Path.of(System.getProperty("java.io.tmpdir")), directory.getParent());
            try (Statement st = shadow.connection().createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
            }
        } finally {
            shadow.close();
        }
        assertFalse(Files.exists(directory), "the fallback's directory is deleted on close");
        assertTrue(notes.stream().anyMatch(n -> n.startsWith(Phases.SHADOW_START + ": cannot create the shadow's directory under "
                + notADirectory) && n.endsWith("using " + System.getProperty("java.io.tmpdir") + " instead")), notes.toString());
    }

    private static ShadowPlacements.Room room(long tmpfsFree, long memoryAvailable) {
        return new ShadowPlacements.Room(SHM, OptionalLong.of(tmpfsFree), OptionalLong.of(memoryAvailable));
    }

    /** The templates of the user's cache, as a plan would use them (built once per binaries version). */
    private static DataDirectoryTemplates templates() {
        return new DataDirectoryTemplates(dev.converge.engine.binaries.BinaryResolver.fromEnvironment().cache()
                .resolveSibling(EmbeddedShadow.TEMPLATES));
    }

    private static boolean isTmpfs(Path path) {
        try {
            return "tmpfs".equals(Files.getFileStore(path).type());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
