package dev.converge.engine.source;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.diag.SourceSpan;
import dev.converge.engine.model.ObjectRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SourceModel is what the desired-state files say beyond their SQL: the order in which their
 * statements load (dependencies first), and where each object is declared, so that a plan step
 * can name the file and line of its object.
 *
 * @param loadOrder    the statements in the order they are to be run in the shadow
 * @param declarations the place each declared object is declared, by the ref plans use for it
 */
public record SourceModel(List<SqlStatement> loadOrder, Map<ObjectRef, SourceSpan> declarations) {
    public SourceModel {
        loadOrder = List.copyOf(loadOrder);
        declarations = Map.copyOf(requireNonNull(declarations, "declarations is null"));
    }

    /** The model of a dialect that does not parse: statements in file order, no locations. */
    public static SourceModel unparsed(List<SqlStatement> statements) {
        return new SourceModel(statements, Map.of());
    }

    /** True when the desired state came from files (a database as desired state has no source). */
    public boolean isFromFiles() {
        return !loadOrder.isEmpty();
    }

    /** Where an object is declared: itself, else the table (or type) it belongs to. */
    public Optional<SourceSpan> locate(ObjectRef ref) {
        SourceSpan span = declarations.get(ref);
        if (span == null && !ref.member().isEmpty()) {
            span = declarations.get(ref.owner());
        }
        return Optional.ofNullable(span);
    }

    /** {@code schema/orders.sql:14}, the form a plan shows, or null. */
    public String describe(ObjectRef ref) {
        return locate(ref).map(span -> span.file() + ":" + span.line()).orElse(null);
    }
}
