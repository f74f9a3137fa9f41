package dev.converge.engine.safety;

import java.util.Locale;

/**
 * LockLevel is a table lock mode, from weakest to strongest, as PostgreSQL names them
 * (https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-TABLES). The order is the one
 * a maximum-lock policy compares with: a stronger level conflicts with at least as much. NONE is for a
 * step that locks no existing table.
 */
public enum LockLevel {
    NONE("no lock", "", "nothing"),
    ACCESS_SHARE("ACCESS SHARE", "AccessShareLock", "only ACCESS EXCLUSIVE"),
    ROW_SHARE("ROW SHARE", "RowShareLock", "EXCLUSIVE and ACCESS EXCLUSIVE"),
    ROW_EXCLUSIVE("ROW EXCLUSIVE", "RowExclusiveLock", "SHARE and stronger: index builds, not reads or writes"),
    SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE", "ShareUpdateExclusiveLock",
            "other schema changes, VACUUM and concurrent index builds; reads and writes continue"),
    SHARE("SHARE", "ShareLock", "writes (INSERT, UPDATE, DELETE); reads continue"),
    SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE", "ShareRowExclusiveLock", "writes; reads continue"),
    EXCLUSIVE("EXCLUSIVE", "ExclusiveLock", "writes and SELECT ... FOR UPDATE; plain reads continue"),
    ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE", "AccessExclusiveLock", "everything, plain reads included");

    private final String sql;
    private final String pgLocksMode;
    private final String blocks;

    LockLevel(String sql, String pgLocksMode, String blocks) {
        this.sql = sql;
        this.pgLocksMode = pgLocksMode;
        this.blocks = blocks;
    }

    /** The words of the SQL standard and PostgreSQL's docs: {@code SHARE ROW EXCLUSIVE}. */
    public String sql() {
        return sql;
    }

    /** The mode as pg_locks.mode shows it: {@code ShareRowExclusiveLock}. */
    public String pgLocksMode() {
        return pgLocksMode;
    }

    /** What it makes wait, in words. */
    public String blocks() {
        return blocks;
    }

    public boolean isStrongerThan(LockLevel other) {
        return compareTo(other) > 0;
    }

    public static LockLevel strongest(LockLevel a, LockLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The level pg_locks names {@code mode}, or null for a mode that is not a table lock level. */
    public static LockLevel ofPgLocksMode(String mode) {
        for (LockLevel level : values()) {
            if (level != NONE && level.pgLocksMode.equals(mode)) {
                return level;
            }
        }
        return null;
    }

    /**
     * Parses what a user types: {@code ACCESS_EXCLUSIVE}, {@code access-exclusive} or
     * {@code "ACCESS EXCLUSIVE"}; throws IllegalArgumentException listing the levels otherwise.
     */
    public static LockLevel parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (LockLevel level : values()) {
            if (level.name().equals(key)) {
                return level;
            }
        }
        StringBuilder names = new StringBuilder();
        for (LockLevel level : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(level.name());
        }
        throw new IllegalArgumentException("unknown lock level '" + text + "'; expected one of " + names);
    }
}
