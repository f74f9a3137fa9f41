package dev.converge.dialect.postgres.safety;

import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;

/**
 * LockHazards words the hazards of the PostgreSQL table locks, each sentence naming the table and the
 * lock, so that every rule of the classifier says the same thing the same way. Lock levels are those of
 * https://www.postgresql.org/docs/15/explicit-locking.html and the ALTER TABLE reference page.
 */
final class LockHazards {
    private LockHazards() {
    }

    static Hazard dataLoss(String what) {
        return new Hazard(HazardCode.DATA_LOSS, what);
    }

    /** A short ACCESS EXCLUSIVE lock for a catalog-only change; it still queues behind running queries. */
    static Hazard briefAccessExclusive(QualifiedName table, String extra) {
        return new Hazard(HazardCode.ACCESS_EXCLUSIVE_LOCK, "takes a brief ACCESS EXCLUSIVE lock on " + table
                + " (catalog only), but waits behind running queries and blocks all queries queued after it"
                + extra);
    }

    /** An ACCESS EXCLUSIVE lock held while the statement does work proportional to the table. */
    static Hazard accessExclusiveWhile(QualifiedName table, String work) {
        return new Hazard(HazardCode.ACCESS_EXCLUSIVE_LOCK, "holds ACCESS EXCLUSIVE on " + table + " while it "
                + work + ": reads and writes wait until it finishes");
    }

    static Hazard rewrite(QualifiedName table) {
        return new Hazard(HazardCode.TABLE_REWRITE, "rewrites " + table
                + " under ACCESS EXCLUSIVE: reads and writes wait until it finishes, and it needs disk space"
                + " for a second copy of the table");
    }

    static Hazard fullScan(QualifiedName table, String why) {
        return new Hazard(HazardCode.FULL_TABLE_SCAN, "scans all of " + table + " to " + why);
    }

    static Hazard indexBuild(QualifiedName table, String what) {
        return new Hazard(HazardCode.INDEX_BUILD, "builds " + what + " on " + table
                + ", which takes time proportional to the table's size");
    }

    static Hazard dataDependent(String what) {
        return new Hazard(HazardCode.DATA_DEPENDENT, what);
    }

    static Hazard incompatible(String what) {
        return new Hazard(HazardCode.BACKWARD_INCOMPATIBLE, what);
    }

    static Hazard untracked(String what) {
        return new Hazard(HazardCode.UNTRACKED_DEPENDENCY, what);
    }
}
