package dev.converge.engine.safety;

import dev.converge.engine.model.QualifiedName;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Classification is what the safety classifier says of one step: its hazards; its classes, which are
 * the union of the hazards' classes, or ADDITIVE when it adds something; and the locks it takes on
 * existing tables, one per table (the strongest), sorted by table.
 */
public record Classification(Set<SafetyClass> classes, List<Hazard> hazards, List<TableLock> locks) {
    public Classification {
        classes = classes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(classes));
        hazards = List.copyOf(hazards);
        locks = strongestPerTable(locks);
    }

    /** Without locks: the shape before lock levels were recorded. */
    public Classification(Set<SafetyClass> classes, List<Hazard> hazards) {
        this(classes, hazards, List.of());
    }

    /**
     * Classes derived from hazards; {@code additive} says whether the step adds something. A step that
     * neither adds nor risks anything (dropping an empty schema or a view) has no class.
     */
    public static Classification of(boolean additive, List<Hazard> hazards) {
        return of(additive, hazards, List.of());
    }

    public static Classification of(boolean additive, List<Hazard> hazards, List<TableLock> locks) {
        EnumSet<SafetyClass> classes = EnumSet.noneOf(SafetyClass.class);
        hazards.forEach(h -> {
            if (h.code().safetyClass() != null) {
                classes.add(h.code().safetyClass());
            }
        });
        if (additive) {
            classes.add(SafetyClass.ADDITIVE);
        }
        return new Classification(classes, hazards, locks);
    }

    /** The strongest lock of the step, NONE when it locks no existing table. */
    public LockLevel strongestLock() {
        return locks.stream().map(TableLock::level).reduce(LockLevel.NONE, LockLevel::strongest);
    }

    private static List<TableLock> strongestPerTable(List<TableLock> locks) {
        Map<QualifiedName, LockLevel> strongest = new TreeMap<>();
        for (TableLock lock : locks) {
            if (lock.level() != LockLevel.NONE) {
                strongest.merge(lock.table(), lock.level(), LockLevel::strongest);
            }
        }
        List<TableLock> result = new ArrayList<>();
        strongest.forEach((table, level) -> result.add(new TableLock(table, level)));
        return List.copyOf(result);
    }
}
