package dev.converge.dialect.mysql.parse;

import dev.converge.dialect.mysql.MysqlSchema;
import dev.converge.dialect.mysql.parse.MysqlTokens.Token;
import dev.converge.dialect.mysql.sql.IndexNames;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Routine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MysqlDeclaration is what one CREATE statement declares, found from its leading words: the object
 * (table, view, index, trigger, function, procedure or event, under the refs plans use for it) and,
 * for a table, its columns with the comments written right before each, which carry column
 * annotations. Statements that declare nothing (ALTER, INSERT...) have no object.
 *
 * @param object  the declared object, or null
 * @param columns the columns of a CREATE TABLE, in order
 */
record MysqlDeclaration(ObjectRef object, List<ColumnDeclaration> columns) {
    /** A column of a CREATE TABLE and the comments before its definition (offsets in the statement). */
    record ColumnDeclaration(String name, List<Token> comments) {
    }

    /** Words that open a table element other than a column. */
    private static final Set<String> NOT_COLUMNS = Set.of("PRIMARY", "KEY", "INDEX", "UNIQUE", "CONSTRAINT",
            "FOREIGN", "CHECK", "FULLTEXT", "SPATIAL", "PERIOD");
    /** Words between CREATE and the kind of object, which say nothing about which object it is. */
    private static final Set<String> MODIFIERS = Set.of("OR", "REPLACE", "TEMPORARY", "UNIQUE", "FULLTEXT",
            "SPATIAL", "AGGREGATE", "ONLINE", "OFFLINE", "SQL", "SECURITY", "DEFINER", "INVOKER", "ALGORITHM",
            "UNDEFINED", "MERGE", "TEMPTABLE", "CURRENT_USER");

    static MysqlDeclaration of(String sql) {
        List<Token> all = MysqlTokens.of(sql);
        List<Token> words = withoutExecutableCommentMarks(
                all.stream().filter(t -> t.type() != MysqlTokens.Type.COMMENT).toList());
        if (words.isEmpty() || !words.get(0).is("CREATE")) {
            return new MysqlDeclaration(null, List.of());
        }
        int i = 1;
        while (i < words.size() && !isKind(words.get(i))) {
            if (words.get(i).type() == MysqlTokens.Type.WORD && !MODIFIERS.contains(words.get(i).upper())
                    && !precededByEquals(words, i) && !precededByAt(words, i)) {
                return new MysqlDeclaration(null, List.of());
            }
            i++;
        }
        if (i >= words.size()) {
            return new MysqlDeclaration(null, List.of());
        }
        String kind = words.get(i).upper();
        int[] at = {i + 1};
        skipIfNotExists(words, at);
        String name = qualifiedName(words, at);
        if (name == null) {
            return new MysqlDeclaration(null, List.of());
        }
        switch (kind) {
            case "TABLE":
                return new MysqlDeclaration(ObjectRef.of(ObjectKind.TABLE, named(name)), columns(all));
            case "VIEW":
                return new MysqlDeclaration(ObjectRef.of(ObjectKind.VIEW, named(name)), List.of());
            case "FUNCTION":
            case "PROCEDURE":
            case "EVENT":
                return new MysqlDeclaration(Routine.refOf(named(name), ""), List.of());
            default:
                // TRIGGER name ... ON table; INDEX name [USING ...] ON table
                String table = tableAfterOn(words, at[0]);
                if (table == null) {
                    return new MysqlDeclaration(null, List.of());
                }
                ObjectRef ref = kind.equals("TRIGGER") ? ObjectRef.member(ObjectKind.TRIGGER, named(table), name)
                        : ObjectRef.of(ObjectKind.INDEX, IndexNames.modelName(named(table), name));
                return new MysqlDeclaration(ref, List.of());
        }
    }

    /**
     * The tokens without the marks of executable comments, which the server reads through: mysqldump
     * writes {@code /*!50003 CREATE*&#47; /*!50017 DEFINER=...*&#47; /*!50003 TRIGGER ...*&#47;}.
     */
    private static List<Token> withoutExecutableCommentMarks(List<Token> tokens) {
        List<Token> kept = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol('/') && i + 2 < tokens.size() && tokens.get(i + 1).isSymbol('*')) {
                int j = i + 2;
                if (tokens.get(j).is("M") && j + 1 < tokens.size()) {
                    j++;
                }
                if (tokens.get(j).isSymbol('!')) {
                    if (j + 1 < tokens.size() && tokens.get(j + 1).type() == MysqlTokens.Type.WORD
                            && tokens.get(j + 1).text().chars().allMatch(Character::isDigit)) {
                        j++;
                    }
                    i = j;
                    continue;
                }
            }
            if (t.isSymbol('*') && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('/')) {
                i++;
                continue;
            }
            kept.add(t);
        }
        return kept;
    }

    private static boolean isKind(Token t) {
        return t.type() == MysqlTokens.Type.WORD && Set.of("TABLE", "VIEW", "TRIGGER", "FUNCTION", "PROCEDURE",
                "EVENT", "INDEX").contains(t.upper());
    }

    /** A definer or algorithm value ({@code DEFINER = app}, {@code ALGORITHM = MERGE}). */
    private static boolean precededByEquals(List<Token> words, int i) {
        return i > 0 && words.get(i - 1).isSymbol('=');
    }

    /** The host of a definer ({@code app@localhost}). */
    private static boolean precededByAt(List<Token> words, int i) {
        return i > 0 && words.get(i - 1).isSymbol('@');
    }

    private static void skipIfNotExists(List<Token> words, int[] at) {
        if (at[0] + 2 < words.size() && words.get(at[0]).is("IF") && words.get(at[0] + 1).is("NOT")
                && words.get(at[0] + 2).is("EXISTS")) {
            at[0] += 3;
        }
    }

    /** {@code name}, {@code `name`} or {@code db.name}: the last part, as the server stores it. */
    private static String qualifiedName(List<Token> words, int[] at) {
        String name = null;
        while (at[0] < words.size()) {
            Token t = words.get(at[0]);
            if (t.type() != MysqlTokens.Type.WORD && t.type() != MysqlTokens.Type.NAME) {
                return name;
            }
            name = t.name();
            at[0]++;
            if (at[0] < words.size() && words.get(at[0]).isSymbol('.')) {
                at[0]++;
            } else {
                return name;
            }
        }
        return name;
    }

    private static String tableAfterOn(List<Token> words, int from) {
        for (int i = from; i < words.size(); i++) {
            if (words.get(i).is("ON")) {
                int[] at = {i + 1};
                return qualifiedName(words, at);
            }
        }
        return null;
    }

    private static QualifiedName named(String name) {
        return QualifiedName.of(MysqlSchema.LOGICAL, name);
    }

    /**
     * The columns of a CREATE TABLE: each element of the parenthesized list at depth one that does not
     * open with a key word of keys and constraints, with the comments since the previous element.
     */
    private static List<ColumnDeclaration> columns(List<Token> tokens) {
        List<ColumnDeclaration> columns = new ArrayList<>();
        int depth = 0;
        boolean elementStart = false;
        List<Token> comments = new ArrayList<>();
        for (Token t : tokens) {
            if (t.type() == MysqlTokens.Type.COMMENT) {
                if (depth == 1) {
                    comments.add(t);
                }
                continue;
            }
            if (t.isSymbol('(')) {
                depth++;
                if (depth == 1) {
                    elementStart = true;
                    comments.clear();
                }
                continue;
            }
            if (t.isSymbol(')')) {
                depth--;
                if (depth == 0) {
                    break;
                }
                continue;
            }
            if (depth == 1 && t.isSymbol(',')) {
                elementStart = true;
                continue;
            }
            if (depth == 1 && elementStart) {
                elementStart = false;
                boolean column = t.type() == MysqlTokens.Type.NAME
                        || t.type() == MysqlTokens.Type.WORD && !NOT_COLUMNS.contains(t.upper());
                if (column) {
                    columns.add(new ColumnDeclaration(t.name(), List.copyOf(comments)));
                }
                comments.clear();
            }
        }
        return columns;
    }
}
