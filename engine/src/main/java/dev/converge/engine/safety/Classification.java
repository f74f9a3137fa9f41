package dev.converge.engine.safety;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Classification is what the safety classifier says of one step: its hazards, and its classes,
 * which are the union of the hazards' classes, or ADDITIVE when it has none and adds something.
 */
public record Classification(Set<SafetyClass> classes, List<Hazard> hazards) {
    public Classification {
        classes = classes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(classes));
        hazards = List.copyOf(hazards);
    }

    /**
     * Classes derived from hazards; {@code additive} says whether the step adds something. A step that
     * neither adds nor risks anything (dropping an empty schema or a view) has no class.
     */
    public static Classification of(boolean additive, List<Hazard> hazards) {
        EnumSet<SafetyClass> classes = EnumSet.noneOf(SafetyClass.class);
        hazards.forEach(h -> classes.add(h.code().safetyClass()));
        if (additive) {
            classes.add(SafetyClass.ADDITIVE);
        }
        return new Classification(classes, hazards);
    }
}
