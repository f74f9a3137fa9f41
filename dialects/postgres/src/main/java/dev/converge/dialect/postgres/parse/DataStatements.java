package dev.converge.dialect.postgres.parse;

import dev.converge.engine.source.SqlStatement;
import dev.converge.grammar.support.LeadingWords;
import java.util.List;
import java.util.Set;

/**
 * DataStatements finds the desired-state statements that write rows rather than declare schema
 * (a Rails structure.sql's trailing {@code INSERT INTO schema_migrations}). They run in the shadow
 * where they are written; the plan names them in a note and carries none of them.
 */
final class DataStatements {
    private static final Set<String> VERBS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "COPY", "TRUNCATE");

    private DataStatements() {
    }

    /** Each data statement as its verb and place: {@code INSERT at db/structure.sql:7158:1}. */
    static List<String> of(List<SqlStatement> statements) {
        return statements.stream()
                .filter(s -> verb(s) != null)
                .map(s -> verb(s) + " at " + s.span())
                .toList();
    }

    private static String verb(SqlStatement statement) {
        List<String> words = LeadingWords.of(statement.sql(), 1);
        return !words.isEmpty() && VERBS.contains(words.get(0)) ? words.get(0) : null;
    }
}
