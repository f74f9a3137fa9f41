package dev.converge.grammar.source;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * ParsedStatement is what the grammar learned of one statement: its kind, what it declares and
 * references, the annotations it carries, and its syntax problems (a statement with one has kind
 * {@link StatementKind#INVALID} and nothing else).
 *
 * @param extends_      the relation whose shape the statement extends for later statements (ALTER
 *                      TABLE ... ADD COLUMN / PRIMARY KEY / UNIQUE, CREATE UNIQUE INDEX), or null:
 *                      a foreign key or a view over that relation must load after it
 * @param annotations   every annotation of the statement, attached or not
 * @param unattached    annotations that precede nothing they can apply to
 */
public record ParsedStatement(StatementKind kind, List<Declaration> declarations, List<Reference> references,
                              SqlName extends_, List<Annotation> annotations, List<Annotation> unattached,
                              List<SyntaxProblem> problems) {
    public ParsedStatement {
        requireNonNull(kind, "kind is null");
        declarations = List.copyOf(declarations);
        references = List.copyOf(references);
        annotations = List.copyOf(annotations);
        unattached = List.copyOf(unattached);
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }
}
