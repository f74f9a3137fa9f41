package dev.converge.dialect.mysql.parse;

import dev.converge.engine.source.DataStatements;
import dev.converge.grammar.support.LeadingWords;
import java.util.List;
import java.util.Set;

/**
 * StatementKind says what a desired statement is to the loader, from its first two words as the
 * grammar's lexer reads them ({@link LeadingWords#ofMysql}), through comments and the openers of
 * executable comments ({@code /*!40101 SET NAMES utf8mb4 *&#47;}, as
 * mysqldump writes its session settings): a session setting, a statement that shapes nothing in a
 * schema, a data statement, or schema DDL.
 */
enum StatementKind {
    /** {@code SET ...}: in force for the statements after it in its file, as in the mysql client. */
    SESSION,
    /** {@code USE}, {@code LOCK TABLES}, transaction control, {@code SET PASSWORD/ROLE}: not run. */
    SKIPPED,
    /** {@code INSERT}, {@code REPLACE}, {@code UPDATE}, {@code DELETE}, {@code LOAD DATA}: run in the shadow only (see {@link DataStatements}). */
    DATA,
    /** Everything else: what the shadow is built from. */
    SCHEMA;

    private static final Set<String> SKIPPED_WORDS = Set.of("USE", "LOCK", "UNLOCK", "COMMIT", "ROLLBACK", "START");

    static StatementKind of(String sql) {
        List<String> words = LeadingWords.ofMysql(sql, 2);
        if (words.isEmpty()) {
            return SCHEMA;
        }
        String first = words.get(0);
        String second = words.size() > 1 ? words.get(1) : "";
        if (first.equals("SET")) {
            // SET PASSWORD and SET ROLE act on accounts, not on the session's way of reading SQL.
            return second.equals("PASSWORD") || second.equals("ROLE") || second.equals("DEFAULT") ? SKIPPED : SESSION;
        }
        if (first.equals("BEGIN")) {
            // BEGIN alone (or BEGIN WORK) opens a transaction; BEGIN NOT ATOMIC opens a compound statement.
            return second.isEmpty() || second.equals("WORK") ? SKIPPED : SCHEMA;
        }
        if (SKIPPED_WORDS.contains(first) && !(first.equals("START") && !second.equals("TRANSACTION"))) {
            return SKIPPED;
        }
        return DataStatements.isData(first) ? DATA : SCHEMA;
    }
}
