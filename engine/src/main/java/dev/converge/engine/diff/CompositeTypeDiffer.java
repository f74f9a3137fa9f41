package dev.converge.engine.diff;

import dev.converge.engine.change.AlterCompositeType;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateCompositeType;
import dev.converge.engine.change.DropCompositeType;
import dev.converge.engine.model.CompositeType;
import dev.converge.engine.model.CompositeType.Attribute;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CompositeTypeDiffer creates and drops composite types and alters their attributes in place when the
 * result keeps the desired order: kept attributes in the same relative order, new ones at the end
 * (ALTER TYPE ADD ATTRIBUTE appends). Any other reordering drops and creates the type again.
 */
final class CompositeTypeDiffer {
    private static final NamedObjects<CompositeType> TYPES = new NamedObjects<>(CreateCompositeType::new,
            DropCompositeType::new, CompositeType::ref, CompositeType::comment);

    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        TYPES.diff(from.compositeTypes(), to.compositeTypes(), CompositeTypeDiffer::alter, out);
    }

    private static NamedObjects.Outcome alter(CompositeType current, CompositeType desired, List<Change> out) {
        if (current.attributes().equals(desired.attributes())) {
            return NamedObjects.Outcome.IN_PLACE;
        }
        if (!alterable(current, desired)) {
            return TYPES.replace(current, desired, out);
        }
        out.add(new AlterCompositeType(current, desired));
        return NamedObjects.Outcome.IN_PLACE;
    }

    /** Kept attributes keep their relative order and come first; new ones follow. */
    static boolean alterable(CompositeType current, CompositeType desired) {
        Set<String> wanted = desired.attributes().stream().map(Attribute::name).collect(Collectors.toSet());
        Set<String> existing = current.attributes().stream().map(Attribute::name).collect(Collectors.toSet());
        List<String> kept = current.attributes().stream().map(Attribute::name).filter(wanted::contains).toList();
        List<String> desiredOrder = desired.attributes().stream().map(Attribute::name).toList();
        if (!desiredOrder.subList(0, kept.size()).equals(kept)) {
            return false;
        }
        return desiredOrder.subList(kept.size(), desiredOrder.size()).stream().noneMatch(existing::contains);
    }
}
