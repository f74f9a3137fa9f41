package dev.converge.engine.source;

import dev.converge.engine.diag.Plural;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DataStatements finds the statements of the desired files that write rows (INSERT, UPDATE, DELETE,
 * ...), such as the version row a schema file inserts at its end. They run in the shadow in their file
 * position, as the server's client would run them, but rows are no part of a schema: a plan never
 * carries them, and says so in a note, so that nobody expects them in the target.
 */
public final class DataStatements {
    private static final Set<String> DATA_WORDS = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE", "COPY",
            "LOAD", "UPSERT");
    /** Whitespace and ordinary comments before the first word. */
    private static final Pattern LEADING = Pattern.compile("\\A(?:\\s+|/\\*.*?\\*/|--[^\\n]*|#[^\\n]*)*", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("\\G[A-Za-z_]+");
    /** Locations named in the note; the count says how many there are in all. */
    private static final int LISTED = 5;

    private DataStatements() {
    }

    /** True when the statement writes rows. */
    public static boolean isData(String sql) {
        Matcher lead = LEADING.matcher(sql);
        Matcher word = WORD.matcher(sql);
        return word.find(lead.find() ? lead.end() : 0) && DATA_WORDS.contains(word.group().toUpperCase(Locale.ROOT));
    }

    /** The plan's note about the data statements of the files, if they hold any. */
    public static Optional<String> note(SourceModel source) {
        List<SqlStatement> data = source.loadOrder().stream().filter(s -> isData(s.sql()))
                .sorted(java.util.Comparator.comparing((SqlStatement s) -> s.file().displayPath())
                        .thenComparingInt(SqlStatement::startOffset))
                .toList();
        if (data.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder note = new StringBuilder().append(Plural.count(data.size(), "data statement"))
                .append(" in the desired files ran in the shadow database only; rows are not part of the plan"
                        + " and are not written to the target: ");
        for (int i = 0; i < Math.min(LISTED, data.size()); i++) {
            note.append(i == 0 ? "" : ", ").append(data.get(i).span().file()).append(':').append(data.get(i).span().line());
        }
        if (data.size() > LISTED) {
            note.append(" and ").append(data.size() - LISTED).append(" more");
        }
        return Optional.of(note.toString());
    }
}
