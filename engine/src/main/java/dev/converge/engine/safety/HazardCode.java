package dev.converge.engine.safety;

/** HazardCode is a stable code for one kind of risk a step carries, and the class it puts the step in. */
public enum HazardCode {
    DATA_LOSS(SafetyClass.DESTRUCTIVE),
    TABLE_REWRITE(SafetyClass.LOCKING),
    ACCESS_EXCLUSIVE_LOCK(SafetyClass.LOCKING),
    BLOCKS_WRITES(SafetyClass.LOCKING),
    FULL_TABLE_SCAN(SafetyClass.LOCKING),
    INDEX_BUILD(SafetyClass.LOCKING),
    /**
     * Code that uses the object as it was stops working (a rename). Not data loss; counted with the
     * locking steps, since every such change in PostgreSQL also takes a brief ACCESS EXCLUSIVE lock.
     */
    BACKWARD_INCOMPATIBLE(SafetyClass.LOCKING);

    private final SafetyClass safetyClass;

    HazardCode(SafetyClass safetyClass) {
        this.safetyClass = safetyClass;
    }

    public SafetyClass safetyClass() {
        return safetyClass;
    }
}
