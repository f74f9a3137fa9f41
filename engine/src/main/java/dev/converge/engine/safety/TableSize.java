package dev.converge.engine.safety;

/**
 * TableSize is what a target's statistics say of one table: the row estimate (-1 when unknown, e.g.
 * never analyzed) and the total size on disk in bytes, indexes included.
 */
public record TableSize(long rows, long totalBytes) {
}
