package dev.converge.dialect.mysql.parse;

import dev.converge.engine.source.DataStatements;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * StatementKind says what a desired statement is to the loader, from its first word, read through
 * comments and the openers of executable comments ({@code /*!40101 SET NAMES utf8mb4 *&#47;}, as
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

    /** Whitespace, comments and executable-comment openers before the first word. */
    private static final Pattern LEADING = Pattern.compile(
            "\\A(?:\\s+|/\\*M?!\\d*|/\\*(?!M?!).*?\\*/|(?:#|--(?=\\s))[^\\n]*)*", Pattern.DOTALL);
    private static final Pattern WORDS = Pattern.compile("\\G([A-Za-z_]+)(?:\\s+([A-Za-z_]+))?");
    private static final Set<String> SKIPPED_WORDS = Set.of("USE", "LOCK", "UNLOCK", "COMMIT", "ROLLBACK", "START");

    static StatementKind of(String sql) {
        Matcher lead = LEADING.matcher(sql);
        int at = lead.find() ? lead.end() : 0;
        Matcher words = WORDS.matcher(sql);
        if (!words.find(at)) {
            return SCHEMA;
        }
        String first = words.group(1).toUpperCase(Locale.ROOT);
        String second = words.group(2) == null ? "" : words.group(2).toUpperCase(Locale.ROOT);
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
        return DataStatements.isData(sql.substring(at)) ? DATA : SCHEMA;
    }
}
