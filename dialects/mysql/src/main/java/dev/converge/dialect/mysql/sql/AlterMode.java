package dev.converge.dialect.mysql.sql;

import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;

import static java.util.Objects.requireNonNull;

/**
 * AlterMode is how the server runs one ALTER TABLE clause, or a statement of several: the algorithm
 * (INSTANT: metadata only; INPLACE: built in place; COPY: the table is copied row by row), the lock
 * it allows meanwhile, and whether the table is rebuilt. Pinned in the statement
 * ({@code ALGORITHM=INPLACE, LOCK=NONE}), it makes the server refuse instead of falling back to
 * something slower than the plan says.
 *
 * @param what a few words for the hazard that explains the mode ({@code changing the type})
 */
public record AlterMode(Algorithm algorithm, Lock lock, boolean rebuilds, String what) {
    /** In the order of their cost: combining clauses takes the costliest. */
    public enum Algorithm { INSTANT, INPLACE, COPY }

    /** NONE: reads and writes go on; SHARED: writes wait; DEFAULT: not said (INSTANT takes no other). */
    public enum Lock { DEFAULT, NONE, SHARED }

    public AlterMode {
        requireNonNull(algorithm, "algorithm is null");
        requireNonNull(lock, "lock is null");
        requireNonNull(what, "what is null");
    }

    public static AlterMode instant(String what) {
        return new AlterMode(Algorithm.INSTANT, Lock.DEFAULT, false, what);
    }

    /** In place without a rebuild (an index build, a dropped key), reads and writes going on. */
    public static AlterMode inplace(String what) {
        return new AlterMode(Algorithm.INPLACE, Lock.NONE, false, what);
    }

    /** In place with a rebuild of the table, reads and writes going on. */
    public static AlterMode rebuild(String what) {
        return new AlterMode(Algorithm.INPLACE, Lock.NONE, true, what);
    }

    public static AlterMode copy(String what) {
        return new AlterMode(Algorithm.COPY, Lock.SHARED, true, what);
    }

    /** The same mode with writes waiting (a FULLTEXT or SPATIAL index, a table with a FULLTEXT index). */
    public AlterMode writesWait() {
        return new AlterMode(algorithm, algorithm == Algorithm.INSTANT ? Lock.DEFAULT : Lock.SHARED, rebuilds, what);
    }

    public boolean blocksWrites() {
        return lock == Lock.SHARED;
    }

    /**
     * The mode of a statement that runs this clause and {@code other} together: the costlier algorithm
     * and the stronger lock, since the server runs the whole statement one way.
     */
    public AlterMode with(AlterMode other) {
        Algorithm a = algorithm.compareTo(other.algorithm) >= 0 ? algorithm : other.algorithm;
        Lock l = lock.compareTo(other.lock) >= 0 ? lock : other.lock;
        if (a != Algorithm.INSTANT && l == Lock.DEFAULT) {
            l = Lock.NONE;
        }
        return new AlterMode(a, l, rebuilds || other.rebuilds, algorithm.compareTo(other.algorithm) >= 0 ? what : other.what);
    }

    /**
     * What the algorithm and lock the server will use mean for the table: the hazards of a step, and of
     * every step of a combined statement, which runs them all this one way.
     */
    public java.util.List<Hazard> hazards() {
        java.util.List<Hazard> hazards = new java.util.ArrayList<>();
        if (algorithm == Algorithm.COPY) {
            hazards.add(new Hazard(HazardCode.TABLE_REWRITE, what));
        } else if (rebuilds) {
            hazards.add(new Hazard(HazardCode.TABLE_REWRITE, what + (blocksWrites() ? "" : "; reads and writes go on (LOCK=NONE)")));
        }
        if (blocksWrites()) {
            hazards.add(new Hazard(HazardCode.BLOCKS_WRITES, "writes to the table wait while it runs (" + clause() + ")"));
        }
        return hazards;
    }

    /** The clause that pins the mode: {@code ALGORITHM=INSTANT}, {@code ALGORITHM=INPLACE, LOCK=NONE}. */
    public String clause() {
        return lock == Lock.DEFAULT ? "ALGORITHM=" + algorithm : "ALGORITHM=" + algorithm + ", LOCK=" + lock;
    }
}
