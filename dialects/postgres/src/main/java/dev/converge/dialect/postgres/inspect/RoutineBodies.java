package dev.converge.dialect.postgres.inspect;

import dev.converge.dialect.postgres.SqlComments;
import dev.converge.dialect.postgres.inspect.CatalogRows.RoutineRow;
import dev.converge.engine.model.MaterializedView;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.Sequence;
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
 * RoutineBodies finds what a routine's string body reads, which pg_depend does not record.
 *
 * <p>The body is read as words, not parsed: every name (quoted or not, qualified or not) that names a
 * table, view, materialized view, sequence or routine of the model counts; comments and string
 * literals do not, except the literal argument of {@code nextval}, {@code currval} and
 * {@code setval} and a literal cast to {@code regclass}, which name a relation. An unqualified name
 * is looked up in the schemas of the routine's own {@code SET search_path}, else in the routine's own
 * schema and {@code public}. A
 * routine name counts only when a parenthesis follows it (a call). Reading too much only adds an
 * ordering edge.
 *
 * <p>Two languages are read, with different weight:
 * <ul>
 *   <li>SQL: PostgreSQL checks the names when the routine is created (check_function_bodies), so they
 *       become {@link Routine#dependsOn()}: the routine is created after them.</li>
 *   <li>PL/pgSQL: names are resolved only when the body runs, so they become
 *       {@link Routine#bodyReads()}: ordering hints the change graph follows unless they close a cycle
 *       (a table whose default calls a function that reads the table).</li>
 * </ul>
 * Not seen: names built at run time ({@code EXECUTE 'SELECT ... FROM ' || tab}, {@code format()}),
 * names inside other string literals, and bodies in other languages (PL/Python, PL/Perl...).
 */
final class RoutineBodies {
    private final Map<QualifiedName, ObjectRef> relations = new HashMap<>();
    private final Map<QualifiedName, List<ObjectRef>> routines = new HashMap<>();

    RoutineBodies(List<Table> tables, List<View> views, List<MaterializedView> materializedViews,
                  List<Sequence> sequences, List<RoutineRow> routineRows) {
        tables.forEach(t -> relations.put(t.name(), t.ref()));
        views.forEach(v -> relations.put(v.name(), v.ref()));
        materializedViews.forEach(v -> relations.put(v.name(), v.ref()));
        sequences.forEach(s -> relations.put(s.name(), s.ref()));
        routineRows.forEach(r -> routines.computeIfAbsent(r.routine().name(), n -> new ArrayList<>()).add(r.routine().ref()));
    }

    /** The routine with what its body reads added: to its dependencies (SQL) or its body reads (PL/pgSQL). */
    Routine withBodyReferences(RoutineRow row) {
        Routine routine = row.routine();
        if ("sql".equals(row.language())) {
            Set<ObjectRef> refs = new LinkedHashSet<>(routine.dependsOn());
            refs.addAll(namesIn(routine, row.searchPath()));
            return routine.withDependsOn(new ArrayList<>(refs));
        }
        if ("plpgsql".equals(row.language())) {
            return routine.withBodyReads(new ArrayList<>(namesIn(routine, row.searchPath())));
        }
        return routine;
    }

    /** The objects of the model the routine's definition names, itself (and its overloads) left out. */
    private Set<ObjectRef> namesIn(Routine routine, String searchPathSetting) {
        Set<ObjectRef> refs = new LinkedHashSet<>();
        List<String> path = searchPathSetting == null || searchPathSetting.isBlank()
                ? ownSchemaThenPublic(routine) : searchPath(searchPathSetting);
        for (Word word : words(routine.definition())) {
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
        return refs;
    }

    /*
     * Without a SET search_path of its own, a routine is checked under the search path in force
     * where it is declared, which the catalog does not keep; a file that declares routines in schema
     * app usually sets search_path = app, public first. Reading too much only adds an ordering edge.
     */
    private static List<String> ownSchemaThenPublic(Routine routine) {
        return routine.name().schema().equals("public") ? List.of("public") : List.of(routine.name().schema(), "public");
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
                int end = skipQuoted(text, i, '\'');
                if (namesARelation(text, i, end)) {
                    words.add(new Word(dottedName(text.substring(i + 1, Math.max(i + 1, end - 1)).replace("''", "'")),
                            false));
                }
                i = end;
            } else if (SqlComments.startAt(text, i)) {
                i = SqlComments.end(text, i);
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

    /**
     * True when the string literal between {@code start} and {@code end} names a relation: the first
     * argument of nextval, currval or setval, or a literal cast to regclass.
     */
    private static boolean namesARelation(String text, int start, int end) {
        String before = text.substring(0, start).stripTrailing().toLowerCase(Locale.ROOT);
        if (before.endsWith("nextval(") || before.endsWith("currval(") || before.endsWith("setval(")) {
            return true;
        }
        String after = text.substring(end).stripLeading().toLowerCase(Locale.ROOT);
        return after.startsWith("::regclass") || after.startsWith(":: regclass");
    }

    /** The parts of a dotted name written inside a literal ({@code public.t_id_seq}, {@code "Odd".s}). */
    static List<String> dottedName(String literal) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < literal.length() && (literal.charAt(i) == '"' || isIdentifierStart(literal.charAt(i)))) {
            i = readPart(literal, i, parts);
            if (i >= literal.length() || literal.charAt(i) != '.') {
                break;
            }
            i++;
        }
        return parts.isEmpty() ? List.of("") : parts;
    }

    private static int readPart(String text, int start, List<String> parts) {
        if (text.charAt(start) == '"') {
            int end = skipQuoted(text, start, '"');
            parts.add(text.substring(start + 1, Math.max(start + 1, end - 1)).replace("\"\"", "\""));
            return end;
        }
        int i = start;
        while (i < text.length() && (isIdentifierStart(text.charAt(i)) || Character.isDigit(text.charAt(i))
                || text.charAt(i) == '$' && !startsDollarQuote(text, i))) {
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

    /*
     * A $ in a name may be the closing delimiter written right against it ($function$SELECT ... FROM
     * orders$function$, as pg_get_functiondef prints a body that was a string literal): a $tag$ or $$
     * that the text opened before is a delimiter, not part of the name.
     */
    private static boolean startsDollarQuote(String text, int at) {
        int end = at + 1;
        while (end < text.length() && (isIdentifierStart(text.charAt(end)) || Character.isDigit(text.charAt(end)))) {
            end++;
        }
        if (end >= text.length() || text.charAt(end) != '$') {
            return false;
        }
        String tag = text.substring(at, end + 1);
        return text.lastIndexOf(tag, at - 1) >= 0;
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }
}
