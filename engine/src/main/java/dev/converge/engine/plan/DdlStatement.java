package dev.converge.engine.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * DdlStatement is one statement a plan step runs, and how it must run: most DDL runs inside the
 * apply's transaction, but some statements refuse to (PostgreSQL's CREATE INDEX CONCURRENTLY, any
 * MySQL DDL, which commits implicitly) and must be run, checkpointed and undone on their own.
 *
 * @param sql           the statement, without a trailing semicolon
 * @param transactional false when the statement runs on its own, committed by itself: it cannot run
 *                      inside a transaction block (CREATE INDEX CONCURRENTLY), or it must not hold the
 *                      locks of the statements before it (VALIDATE CONSTRAINT after ADD ... NOT VALID)
 * @param cleanup       a statement that undoes what a failure of this one leaves behind (the invalid
 *                      index of a failed CREATE INDEX CONCURRENTLY), or null
 * @param limits        the timeouts the statement runs with, or null for the apply's own settings (a
 *                      plan made offline; the CLI puts its timeouts on every statement it plans)
 */
public record DdlStatement(String sql, boolean transactional, String cleanup, StatementLimits limits) {
    public DdlStatement {
        requireNonNull(sql, "sql is null");
    }

    /** A statement without limits of its own. */
    public DdlStatement(String sql, boolean transactional, String cleanup) {
        this(sql, transactional, cleanup, null);
    }

    /** This statement with {@code newLimits} as its own timeouts. */
    public DdlStatement withLimits(StatementLimits newLimits) {
        return new DdlStatement(sql, transactional, cleanup, newLimits);
    }

    /** A statement that leaves nothing behind when it fails. */
    public DdlStatement(String sql, boolean transactional) {
        this(sql, transactional, null);
    }

    /** A statement that runs on its own and, when it fails, is cleaned up by {@code cleanup}. */
    public static DdlStatement outsideTransaction(String sql, String cleanup) {
        return new DdlStatement(sql, false, cleanup);
    }

    /** A statement that runs inside the apply's transaction: the common case. */
    public static DdlStatement inTransaction(String sql) {
        return new DdlStatement(sql, true);
    }

    /** A statement that must run on its own, outside any transaction block. */
    public static DdlStatement outsideTransaction(String sql) {
        return new DdlStatement(sql, false);
    }

    /** Wraps plain statements that all run inside the transaction. */
    public static List<DdlStatement> inTransaction(List<String> sql) {
        return sql.stream().map(DdlStatement::inTransaction).toList();
    }

    /** The SQL text of each statement, in order. */
    public static List<String> texts(List<DdlStatement> statements) {
        return statements.stream().map(DdlStatement::sql).toList();
    }
}
