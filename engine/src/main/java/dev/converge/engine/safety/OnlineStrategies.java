package dev.converge.engine.safety;

/**
 * OnlineStrategies says which lock-avoiding ways of making a change the SQL generator may use on an
 * existing table. All are on by default; each can be turned off (CLI flags, later converge.yaml) when
 * the table is known to be small or the statement must run inside one transaction.
 *
 * @param concurrentIndexes    CREATE / DROP INDEX CONCURRENTLY, outside the apply's transaction
 * @param notValidConstraints  foreign keys and checks added NOT VALID, then validated in a transaction
 *                             of their own under a weaker lock
 * @param notNullThroughCheck  SET NOT NULL after a validated CHECK (col IS NOT NULL), so the
 *                             ACCESS EXCLUSIVE lock does no table scan (PostgreSQL 12+)
 * @param indexReplacement     an index with a new definition is built concurrently under a temporary
 *                             name before the old one is dropped, then renamed, so the table is never
 *                             without it (needs {@code concurrentIndexes}); off: the old index is dropped
 *                             first, then the new one built
 */
public record OnlineStrategies(boolean concurrentIndexes, boolean notValidConstraints, boolean notNullThroughCheck,
                               boolean indexReplacement) {
    public static final OnlineStrategies ALL = new OnlineStrategies(true, true, true, true);
    public static final OnlineStrategies NONE = new OnlineStrategies(false, false, false, false);

    /** The first three strategies; index replacement follows concurrent indexes (kept for callers of before). */
    public OnlineStrategies(boolean concurrentIndexes, boolean notValidConstraints, boolean notNullThroughCheck) {
        this(concurrentIndexes, notValidConstraints, notNullThroughCheck, concurrentIndexes);
    }

    /** True when an index is replaced without a gap: both strategies it needs are on. */
    public boolean replacesIndexesWithoutGap() {
        return concurrentIndexes && indexReplacement;
    }
}
