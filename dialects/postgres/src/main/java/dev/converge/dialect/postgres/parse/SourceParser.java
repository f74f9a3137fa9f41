package dev.converge.dialect.postgres.parse;

import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.source.SqlStatement;
import dev.converge.grammar.source.Annotation;
import dev.converge.grammar.source.Annotations;
import dev.converge.grammar.source.Comment;
import dev.converge.grammar.source.ParsedStatement;
import dev.converge.grammar.source.PostgresSourceParser;
import dev.converge.grammar.source.StatementKind;
import dev.converge.grammar.source.SyntaxProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SourceParser parses every desired-state statement with the grammar and checks what the grammar
 * cannot: annotations (known names, arguments, attached to something). Every problem of every
 * statement is collected, so that one run reports them all.
 */
final class SourceParser {
    private static final Pattern SEARCH_PATH = Pattern.compile(
            "(?is)^\\s*set\\s+(?:session\\s+|local\\s+)?search_path\\s*(?:to|=)\\s*(\"(?:[^\"]|\"\")*\"|[^\\s,;]+)");

    private final PostgresSourceParser parser = new PostgresSourceParser();
    private final List<Diagnostic> problems = new ArrayList<>();

    List<ParsedSource> parse(List<SqlStatement> statements) {
        List<ParsedSource> parsed = new ArrayList<>(statements.size());
        String schema = "public";
        DeclaredSettings settings = new DeclaredSettings();
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            ParsedStatement result = parser.parse(statement.sql(), leadingComments(statement));
            for (SyntaxProblem problem : result.problems()) {
                problems.add(statement.diagnosticAt(problem.offset(), problem.message(), problem.hint()));
            }
            checkAnnotations(statement, result);
            parsed.add(new ParsedSource(i, statement, result, schema, settings.current()));
            if (result.kind() == StatementKind.SET) {
                schema = searchPathSchema(statement.sql(), schema);
            }
            settings.after(statement.sql());
        }
        return parsed;
    }

    List<Diagnostic> problems() {
        return problems;
    }

    private void checkAnnotations(SqlStatement statement, ParsedStatement parsed) {
        for (Annotation annotation : parsed.annotations()) {
            String at = Annotations.PREFIX + annotation.name();
            if (!Annotations.KNOWN.contains(annotation.name())) {
                problems.add(statement.diagnosticAt(annotation.offset(), "unknown annotation " + at,
                        "known annotations: " + String.join(", ",
                                Annotations.KNOWN.stream().map(n -> Annotations.PREFIX + n).toList())));
            } else if (annotation.name().equals(Annotation.RENAMED_FROM) && annotation.argument().isBlank()) {
                problems.add(statement.diagnosticAt(annotation.offset(), at + " needs the old name",
                        "write -- " + at + " old_name"));
            } else if (annotation.name().equals(Annotation.RENAMED_FROM) && annotation.hasSeveralUnquotedWords()) {
                problems.add(statement.diagnosticAt(annotation.offset(), at + " takes one name, got '"
                        + annotation.argument() + "'", "write the old name alone; quote a name with spaces: -- " + at
                        + " \"old name\""));
            } else if (annotation.name().equals(Annotation.ALLOW) && AnnotatedObjects.hazardCodes(annotation.argument())
                    == null) {
                problems.add(statement.diagnosticAt(annotation.offset(), at + " needs hazard codes, got '"
                        + annotation.argument() + "'", "write -- " + at + " CODE[,CODE], codes: "
                        + java.util.Arrays.toString(dev.converge.engine.safety.HazardCode.values())));
            } else if (annotation.name().equals(Annotation.IGNORE) && !annotation.argument().isBlank()) {
                problems.add(statement.diagnosticAt(annotation.offset(), at + " takes no argument",
                        "write -- " + at + " alone on the line before the object"));
            }
        }
        if (!parsed.isValid()) {
            return;
        }
        for (Annotation annotation : parsed.unattached()) {
            if (Annotations.KNOWN.contains(annotation.name())) {
                problems.add(statement.diagnosticAt(annotation.offset(), Annotations.PREFIX + annotation.name()
                        + " is not attached to an object",
                        "put it on the line right before the statement, column definition or enum label it is about"));
            }
        }
    }

    /*
     * The splitter keeps the comments before a statement verbatim; find each one's place in the file,
     * searching backwards from the statement, so that an annotation's error points at it.
     */
    private static List<Comment> leadingComments(SqlStatement statement) {
        List<String> texts = statement.leadingComments();
        if (texts.isEmpty()) {
            return List.of();
        }
        String file = statement.file().text();
        List<Comment> comments = new ArrayList<>(texts.size());
        int searchBefore = statement.startOffset();
        for (int i = texts.size() - 1; i >= 0; i--) {
            int at = file.lastIndexOf(texts.get(i), searchBefore);
            int offset = at < 0 ? 0 : at - statement.startOffset();
            comments.add(0, new Comment(texts.get(i), offset));
            if (at >= 0) {
                searchBefore = at;
            }
        }
        return comments;
    }

    private static String searchPathSchema(String sql, String current) {
        Matcher m = SEARCH_PATH.matcher(sql);
        if (!m.find()) {
            return current;
        }
        String first = m.group(1);
        if (first.startsWith("\"")) {
            return first.substring(1, first.length() - 1).replace("\"\"", "\"");
        }
        first = first.replace("'", "").toLowerCase(Locale.ROOT);
        // "$user" names a schema only when one is named like the user; desired files create none such.
        return first.equals("default") || first.equals("$user") ? "public" : first;
    }
}
