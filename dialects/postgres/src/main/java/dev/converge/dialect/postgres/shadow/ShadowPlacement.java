package dev.converge.dialect.postgres.shadow;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where an embedded shadow's per-run directory (its data directory and log) goes, and why: what
 * {@code --verbose} says and the tests check.
 *
 * @param parent   the directory the per-run directory is created in
 * @param inMemory true when {@code parent} is on tmpfs (memory): files cost no disk I/O there
 * @param reason   one line for {@code --verbose}: the setting or the sizes that decided
 */
record ShadowPlacement(Path parent, boolean inMemory, String reason) {
    ShadowPlacement {
        requireNonNull(parent, "parent is null");
        requireNonNull(reason, "reason is null");
    }

    /** The line {@code --verbose} prints under "shadow start". */
    String describe() {
        return "data directory under " + parent + (inMemory ? " (tmpfs, memory)" : " (disk)") + ": " + reason;
    }
}
