package dev.converge.dialect.postgres.inspect;

import dev.converge.dialect.postgres.inspect.CatalogRows.RoutineRow;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.View;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * RoutineBodies finds what an SQL-language routine's string body reads, which pg_depend does not
 * record: PostgreSQL checks those names when the routine is created (check_function_bodies), so the
 * routine must be created after the tables, views and routines its body names.
 *
 * <p>The body is read as words, not parsed: every name (quoted or not, qualified or not) that names a
 * table, view or routine of the model counts, string literals and comments do not. An unqualified
 * name is looked up in the schemas of the routine's own {@code SET search_path}, else in
 * {@code public}. A routine name counts only when a parenthesis follows it (a call). Reading too
 * much only adds an ordering edge; PL/pgSQL and other procedural bodies are not read, since
 * PostgreSQL resolves their names only when they run, and reading them could order a routine after
 * a table whose default calls it.
 */
final class RoutineBodies {
    private final Map<QualifiedName, ObjectRef> relations = new HashMap<>();
    private final Map<QualifiedName, List<ObjectRef>> routines = new HashMap<>();

    RoutineBodies(List<Table> tables, List<View> views, List<RoutineRow> routineRows) {
        tables.forEach(t -> relations.put(t.name(), t.ref()));
        views.forEach(v -> relations.put(v.name(), v.ref()));
        routineRows.forEach(r -> routines.computeIfAbsent(r.routine().name(), n -> new ArrayList<>()).add(r.routine().ref()));
    }

    /** The routine with what its body reads added to its dependencies. */
    Routine withBodyReferences(RoutineRow row) {
        Routine routine = row.routine();
        if (!"sql".equals(row.language())) {
            return routine;
        }
        Set<ObjectRef> refs = new LinkedHashSet<>(routine.dependsOn());
        List<String> path = searchPath(row.searchPath());
        List<Word> words = words(routine.definition());
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            List<String> parts = word.parts();
            boolean call = word.call();
            if (parts.size() >= 2) {
                lookup(QualifiedName.of(parts.get(0), parts.get(1)), call && parts.size() == 2, refs);
            }
            for (String schema : path) {
                lookup(QualifiedName.of(schema, parts.get(0)), call && parts.size() == 1, refs);
            }
        }
        refs.removeIf(ref -> ref.kind() == ObjectKind.ROUTINE
                && ref.name().schema().equals(routine.name().schema())
                && ref.name().name().startsWith(routine.name().name() + "("));
        return routine.withDependsOn(new ArrayList<>(refs));
    }

    private void lookup(QualifiedName name, boolean call, Set<ObjectRef> refs) {
        ObjectRef relation = relations.get(name);
        if (relation != null) {
            refs.add(relation);
        }
        if (call) {
            refs.addAll(routines.getOrDefault(name, List.of()));
        }
    }

    /** The schemas of a {@code search_path} setting ("$user" and pg_catalog left out); public when none. */
    static List<String> searchPath(String setting) {
        if (setting == null || setting.isBlank()) {
            return List.of("public");
        }
        List<String> schemas = new ArrayList<>();
        for (String part : setting.split(",")) {
            String schema = part.strip();
            if (schema.startsWith("\"") && schema.endsWith("\"") && schema.length() >= 2) {
                schema = schema.substring(1, schema.length() - 1).replace("\"\"", "\"");
            } else {
                schema = schema.toLowerCase(Locale.ROOT);
            }
            if (!schema.isEmpty() && !schema.equals("$user") && !schema.equals("pg_catalog")) {
                schemas.add(schema);
            }
        }
        return schemas;
    }

    /** One dotted name in the text, its parts as the server stores them, and whether "(" follows it. */
    record Word(List<String> parts, boolean call) {
    }

    /** The dotted names of a text, skipping string literals, comments and dollar-quote delimiters. */
    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'') {
                i = skipQuoted(text, i, '\'');
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '$') {
                i = skipDollarTag(text, i);
            } else if (c == '"' || isIdentifierStart(c)) {
                List<String> parts = new ArrayList<>();
                i = readPart(text, i, parts);
                while (i < n && text.charAt(i) == '.' && i + 1 < n
                        && (text.charAt(i + 1) == '"' || isIdentifierStart(text.charAt(i + 1)))) {
                    i = readPart(text, i + 1, parts);
                }
                int j = i;
                while (j < n && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                words.add(new Word(parts, j < n && text.charAt(j) == '('));
            } else {
                i++;
            }
        }
        return words;
    }

    private static int readPart(String text, int start, List<String> parts) {
        if (text.charAt(start) == '"') {
            int end = skipQuoted(text, start, '"');
            parts.add(text.substring(start + 1, Math.max(start + 1, end - 1)).replace("\"\"", "\""));
            return end;
        }
        int i = start;
        while (i < text.length() && (isIdentifierStart(text.charAt(i)) || Character.isDigit(text.charAt(i))
                || text.charAt(i) == '$')) {
            i++;
        }
        parts.add(text.substring(start, i).toLowerCase(Locale.ROOT));
        return i;
    }

    /** The index after a quoted token starting at {@code start}; a doubled quote does not end it. */
    private static int skipQuoted(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    /** Skips a dollar-quote delimiter ($tag$ or $$) or a parameter ($1); the quoted text is read as words. */
    private static int skipDollarTag(String text, int start) {
        int i = start + 1;
        while (i < text.length() && (isIdentifierStart(text.charAt(i)) || Character.isDigit(text.charAt(i)))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '$' ? i + 1 : i;
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }
}
