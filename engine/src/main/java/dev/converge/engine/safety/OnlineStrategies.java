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
 */
public record OnlineStrategies(boolean concurrentIndexes, boolean notValidConstraints, boolean notNullThroughCheck) {
    public static final OnlineStrategies ALL = new OnlineStrategies(true, true, true);
    public static final OnlineStrategies NONE = new OnlineStrategies(false, false, false);
}
