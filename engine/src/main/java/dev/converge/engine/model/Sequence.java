package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

/**
 * Sequence is a stand-alone sequence (identity sequences belong to their column and are not listed).
 * Its current value is data, not schema, and is never compared.
 *
 * @param ownedBy the column that owns it ({@code OWNED BY}), as a COLUMN ref, or null
 * @param comment null when none
 */
public record Sequence(QualifiedName name, String dataType, long start, long increment, long minValue,
                       long maxValue, long cache, boolean cycle, ObjectRef ownedBy, String comment)
        implements Referable {
    public Sequence {
        requireNonNull(name, "name is null");
        requireNonNull(dataType, "dataType is null");
    }

    @Override
    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.SEQUENCE, name);
    }

    /** True when everything but the owner and the comment is equal. */
    public boolean sameOptions(Sequence other) {
        return dataType.equals(other.dataType) && start == other.start && increment == other.increment
                && minValue == other.minValue && maxValue == other.maxValue && cache == other.cache
                && cycle == other.cycle;
    }
}
