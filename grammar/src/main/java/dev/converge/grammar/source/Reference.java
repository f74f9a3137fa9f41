package dev.converge.grammar.source;

import static java.util.Objects.requireNonNull;

/**
 * Reference is a name a statement uses: the table of a foreign key, a column's type, a function
 * called in a default, a relation read by a view.
 *
 * @param required true when the statement cannot run unless the object exists and the grammar is
 *                 sure of the namespace (a foreign key's table, the table of CREATE INDEX ... ON);
 *                 false for names found in expressions and query bodies, which may be built-ins,
 *                 common table expressions or columns
 * @param offset   character offset of the name, relative to the statement
 */
public record Reference(NameSpace space, SqlName name, int offset, boolean required) {
    public Reference {
        requireNonNull(space, "space is null");
        requireNonNull(name, "name is null");
    }
}
