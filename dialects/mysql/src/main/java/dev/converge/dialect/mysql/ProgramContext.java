package dev.converge.dialect.mysql;

import static dev.converge.dialect.mysql.MysqlIdentifiers.literal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ProgramContext is the session context a trigger, routine or event was created under, which the
 * server keeps with it and applies whenever it runs: the sql_mode (PIPES_AS_CONCAT makes {@code ||}
 * a concatenation, ANSI_QUOTES makes {@code "x"} a name) and the character set and collation its
 * string literals were read in. It is part of the program's canonical definition, as a leading
 * comment the server ignores ({@code /* sql_mode='...' character_set_client=utf8mb4
 * collation_connection=utf8mb4_general_ci *&#47;}), so it is compared like the body; the generator
 * sets it around the CREATE and puts the applying session's own settings back after it. A view keeps
 * the character sets only (its sql_mode is not stored): {@code sqlMode} is null for it.
 */
public record ProgramContext(String sqlMode, String characterSetClient, String collationConnection) {
    private static final Pattern COMMENT = Pattern.compile(
            "\\A/\\* (?:sql_mode='([A-Za-z0-9_,]*)' )?character_set_client=(\\w+) collation_connection=(\\w+) \\*/\\n");

    /** The comment the canonical definition starts with. */
    public String comment() {
        return "/* " + (sqlMode == null ? "" : "sql_mode=" + literal(sqlMode) + " ") + "character_set_client="
                + characterSetClient + " collation_connection=" + collationConnection + " */\n";
    }

    /** The context a canonical definition starts with, if it has one. */
    public static Optional<ProgramContext> of(String definition) {
        Matcher m = COMMENT.matcher(definition);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new ProgramContext(m.group(1), m.group(2), m.group(3)));
    }

    /** The definition without its context comment: the statement itself. */
    public static String statement(String definition) {
        Matcher m = COMMENT.matcher(definition);
        return m.find() ? definition.substring(m.end()) : definition;
    }

    /**
     * The statements run in this context: the session's settings saved in user variables, this
     * context set, the statements, and the saved settings put back, so the steps after them run as
     * before. A statement that fails leaves the context set; the apply stops there anyway.
     */
    public List<String> around(List<String> statements) {
        List<String> all = new ArrayList<>();
        all.add("SET @converge_sql_mode = @@SESSION.sql_mode, @converge_character_set_client = @@SESSION.character_set_client,"
                + " @converge_collation_connection = @@SESSION.collation_connection");
        all.add("SET " + (sqlMode == null ? "" : "SESSION sql_mode = " + literal(sqlMode) + ", ")
                + "SESSION character_set_client = " + characterSetClient
                + ", SESSION collation_connection = " + collationConnection);
        all.addAll(statements);
        all.add("SET SESSION sql_mode = @converge_sql_mode, SESSION character_set_client = @converge_character_set_client,"
                + " SESSION collation_connection = @converge_collation_connection");
        return all;
    }
}
