package dev.converge.engine.safety;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.QualifiedName;

/**
 * Probe is one read-only question about existing rows that decides whether a step will fail, asked
 * by a dialect's plan annotator (the result is a {@link DataCheck}). Both queries read the probed table
 * through the placeholder {@code {from}} or {@code {from AS alias}}, which the dialect's runner replaces
 * with the quoted table, or with a sample of it when the table is large.
 *
 * @param what        the condition the step needs, for the plan: {@code public.orders.shipped_at has no NULLs}
 * @param countSql    counts the offending rows (or groups)
 * @param exampleSql  returns one offending row or value as text, at most a line; run only when the user
 *                    asked to see row values
 * @param findSql     lists the offending rows: the plan shows this query, never the rows themselves
 */
public record Probe(QualifiedName table, String what, String countSql, String exampleSql, String findSql) {
    public Probe {
        requireNonNull(table, "table is null");
        requireNonNull(what, "what is null");
        requireNonNull(countSql, "countSql is null");
        requireNonNull(exampleSql, "exampleSql is null");
        requireNonNull(findSql, "findSql is null");
    }
}
