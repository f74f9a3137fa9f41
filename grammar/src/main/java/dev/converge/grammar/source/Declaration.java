package dev.converge.grammar.source;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Declaration is an object a statement declares: its kind as a plan names it ({@code table},
 * {@code column}, {@code enum label}), the namespace it lives in, its name (for an object inside a
 * table: the table's name plus its own), where it is, and the annotations attached to it.
 *
 * @param offset character offset of the object's name, relative to the statement
 */
public record Declaration(String kind, NameSpace space, SqlName name, int offset, List<Annotation> annotations) {
    public Declaration {
        requireNonNull(kind, "kind is null");
        requireNonNull(space, "space is null");
        requireNonNull(name, "name is null");
        annotations = List.copyOf(annotations);
    }
}
