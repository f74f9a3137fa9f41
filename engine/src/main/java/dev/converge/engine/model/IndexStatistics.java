package dev.converge.engine.model;

/**
 * IndexStatistics is the statistics target set on one column of an index (PostgreSQL:
 * {@code ALTER INDEX i ALTER COLUMN 1 SET STATISTICS 3000}, allowed on expression columns only):
 * how much of the expression's values ANALYZE samples. It changes no row, but a schema that sets it
 * means it, so it is compared like the rest of the index.
 *
 * @param column the index column's position, from 1, as the statement names it
 * @param target the statistics target
 */
public record IndexStatistics(int column, int target) {
    public IndexStatistics {
        if (column < 1) {
            throw new IllegalArgumentException("index columns are numbered from 1: " + column);
        }
    }
}
