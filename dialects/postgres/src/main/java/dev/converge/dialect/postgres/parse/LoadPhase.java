package dev.converge.dialect.postgres.parse;

import dev.converge.grammar.support.LeadingWords;
import java.util.List;
import java.util.Set;

/**
 * LoadPhase is the coarse order in which desired-state statements are loaded into a shadow,
 * read from a statement's leading key words: the kinds of object others commonly depend on come
 * first. Within a phase, file order is kept. Whatever the phases miss is caught by retrying
 * failed statements in later passes.
 */
enum LoadPhase {
    /** SET statements: they change how later statements are read (search_path, check_function_bodies). */
    SESSION,
    SCHEMA,
    EXTENSION,
    TYPE,
    SEQUENCE,
    FUNCTION,
    TABLE,
    /** ALTER TABLE, ALTER SEQUENCE and CREATE INDEX: they need their tables (and constraints, other tables). */
    TABLE_CHANGE,
    VIEW,
    TRIGGER,
    /** COMMENT, GRANT and everything else. */
    OTHER,
    /** Transaction control (BEGIN, COMMIT, ...): meaningless for a desired state, so not run at all. */
    SKIPPED;

    /** Words that may stand between CREATE and the object kind without changing the kind. */
    private static final Set<String> CREATE_MODIFIERS = Set.of("OR", "REPLACE", "TEMP", "TEMPORARY", "UNLOGGED",
            "GLOBAL", "LOCAL", "UNIQUE", "MATERIALIZED", "RECURSIVE", "CONSTRAINT", "TRUSTED", "PROCEDURAL",
            "FOREIGN", "DEFAULT");

    private static final Set<String> TRANSACTION_CONTROL = Set.of("BEGIN", "START", "COMMIT", "END", "ROLLBACK",
            "ABORT", "SAVEPOINT", "RELEASE");

    static LoadPhase of(String sql) {
        List<String> words = LeadingWords.of(sql, 8);
        if (words.isEmpty()) {
            return OTHER;
        }
        String first = words.get(0);
        if (TRANSACTION_CONTROL.contains(first)) {
            return SKIPPED;
        }
        switch (first) {
            case "SET":
                return SESSION;
            case "ALTER":
                return words.size() > 1 && (words.get(1).equals("TABLE") || words.get(1).equals("SEQUENCE"))
                        ? TABLE_CHANGE : OTHER;
            case "CREATE":
                return ofCreate(words);
            default:
                return OTHER;
        }
    }

    private static LoadPhase ofCreate(List<String> words) {
        int i = 1;
        while (i < words.size() && CREATE_MODIFIERS.contains(words.get(i))) {
            i++;
        }
        if (i >= words.size()) {
            return OTHER;
        }
        switch (words.get(i)) {
            case "SCHEMA":
                return SCHEMA;
            case "EXTENSION":
            case "LANGUAGE":
                return EXTENSION;
            case "TYPE":
            case "DOMAIN":
            case "COLLATION":
                return TYPE;
            case "SEQUENCE":
                return SEQUENCE;
            case "FUNCTION":
            case "PROCEDURE":
            case "AGGREGATE":
                return FUNCTION;
            case "TABLE":
                return TABLE;
            case "INDEX":
                return TABLE_CHANGE;
            case "VIEW":
                return VIEW;
            case "TRIGGER":
                return TRIGGER;
            default:
                return OTHER;
        }
    }
}
