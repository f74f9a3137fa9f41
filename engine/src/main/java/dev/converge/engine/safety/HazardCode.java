package dev.converge.engine.safety;

/**
 * HazardCode is a stable code for one kind of risk a step carries, the class it puts the step in (or
 * none: a hazard that warns without changing what the step is), and the sentence that explains it in
 * the hazard reference (docs/safety.md is generated from these).
 */
public enum HazardCode {
    DATA_LOSS(SafetyClass.DESTRUCTIVE,
            "Rows, values or a sequence's position are lost: a dropped table, column or sequence, or a type"
                    + " change that narrows the column."),
    TABLE_REWRITE(SafetyClass.LOCKING,
            "The table is copied in full under ACCESS EXCLUSIVE: reads and writes wait, and the copy needs as"
                    + " much free disk as the table."),
    ACCESS_EXCLUSIVE_LOCK(SafetyClass.LOCKING,
            "Takes ACCESS EXCLUSIVE: waits behind every running query on the table and blocks every query"
                    + " queued after it, reads included."),
    BLOCKS_WRITES(SafetyClass.LOCKING,
            "Takes SHARE or SHARE ROW EXCLUSIVE: reads continue, inserts, updates and deletes wait."),
    FULL_TABLE_SCAN(SafetyClass.LOCKING,
            "Reads every row (to validate a constraint or NOT NULL) while holding its lock."),
    INDEX_BUILD(SafetyClass.LOCKING,
            "Builds an index: time and I/O proportional to the table's size."),
    DATA_DEPENDENT(null,
            "May fail on the data already in the table (NULLs, duplicates, violations, orphans, values that"
                    + " do not fit); plan checks the live data and says so."),
    BACKWARD_INCOMPATIBLE(null,
            "Breaks an application still running against the old schema: a dropped or renamed table or"
                    + " column, a new NOT NULL column without a default, a narrowed type."),
    UNTRACKED_DEPENDENCY(null,
            "Something Converge cannot see may depend on the object (function bodies, application queries,"
                    + " other databases); dropping or changing it may break them.");

    private final SafetyClass safetyClass;
    private final String summary;

    HazardCode(SafetyClass safetyClass, String summary) {
        this.safetyClass = safetyClass;
        this.summary = summary;
    }

    /** The class this hazard puts a step in, or null when it only warns. */
    public SafetyClass safetyClass() {
        return safetyClass;
    }

    /**
     * The codes an annotation or option lists ({@code DATA_LOSS, TABLE_REWRITE}: commas or spaces, any
     * case), or null when the list is empty or names something that is no code.
     */
    public static java.util.Set<HazardCode> listed(String argument) {
        java.util.Set<HazardCode> codes = java.util.EnumSet.noneOf(HazardCode.class);
        for (String word : argument.strip().split("[,\\s]+")) {
            if (word.isEmpty()) {
                continue;
            }
            try {
                codes.add(HazardCode.valueOf(word.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return codes.isEmpty() ? null : codes;
    }

    /** One sentence for the hazard reference. */
    public String summary() {
        return summary;
    }
}
