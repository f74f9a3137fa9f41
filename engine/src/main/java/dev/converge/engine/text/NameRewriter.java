package dev.converge.engine.text;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.spi.SqlLexer;
import dev.converge.engine.spi.SqlToken;
import dev.converge.engine.spi.SqlToken.Kind;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * NameRewriter renames objects inside SQL text the server printed (a check constraint, an index or
 * key definition, a default, a view body), token by token through the dialect's {@link SqlLexer}:
 * only a name token changes, never a string literal or a comment, so that renaming column
 * {@code status} leaves {@code 'bad status value'} as it is. A string that names an object (the
 * lexer's {@link Kind#NAME_STRING}) is read as a name and rewritten too.
 */
public final class NameRewriter {
    private final SqlLexer lexer;

    public NameRewriter(SqlLexer lexer) {
        this.lexer = requireNonNull(lexer, "lexer is null");
    }

    /**
     * Column {@code old} of {@code table} becomes {@code renamed} where it stands alone or after its
     * table's name; a name after another qualifier ({@code public.old}) is some other object's.
     */
    public String renameColumn(String sql, QualifiedName table, String old, String renamed) {
        return renameWhere(sql, old, renamed, (tokens, i) -> {
            int dot = previous(tokens, i);
            if (dot < 0 || !tokens.get(dot).is(Kind.DOT)) {
                return true;
            }
            int qualifier = previous(tokens, dot);
            return qualifier >= 0 && isName(tokens.get(qualifier), table.name());
        });
    }

    /**
     * A table or sequence {@code old} becomes {@code renamed} where its qualified name stands, in a
     * string that names it too; and, on a server that leaves a same-schema name unqualified, where its
     * bare name stands.
     */
    public String renameRelation(String sql, QualifiedName old, QualifiedName renamed) {
        return each(sql, (tokens, i, out) -> {
            SqlToken t = tokens.get(i);
            if (t.is(Kind.NAME_STRING)) {
                out.append(lexer.string(renameRelation(t.value(), old, renamed)));
                return i;
            }
            if (!t.is(Kind.NAME) || afterDot(tokens, i)) {
                out.append(t.text());
                return i;
            }
            int dot = next(tokens, i);
            int member = dot < 0 ? -1 : next(tokens, dot);
            if (member >= 0 && tokens.get(dot).is(Kind.DOT) && isName(t, old.schema())
                    && isName(tokens.get(member), old.name())) {
                out.append(lexer.name(renamed.schema(), t));
                for (int k = i + 1; k < member; k++) {
                    out.append(tokens.get(k).text());
                }
                out.append(lexer.name(renamed.name(), tokens.get(member)));
                return member;
            }
            boolean bare = !lexer.qualifiesNames() && isName(t, old.name());
            out.append(bare ? lexer.name(renamed.name(), t) : t.text());
            return i;
        });
    }

    /**
     * A definition's own name ({@code CREATE INDEX old ON ...}): the first name {@code old} that stands
     * alone becomes {@code renamed}; later ones (a column named like the index) stay.
     */
    public String renameOwnName(String definition, String old, String renamed) {
        boolean[] done = {false};
        return renameWhere(definition, old, renamed, (tokens, i) -> {
            boolean own = !done[0] && !afterDot(tokens, i) && !beforeDot(tokens, i);
            done[0] |= own;
            return own;
        });
    }

    /** A string literal {@code old} written as a label of {@code type} becomes {@code renamed}. */
    public String renameLabel(String sql, QualifiedName type, String old, String renamed) {
        List<String> typeName = List.of(type.schema(), type.name());
        return each(sql, (tokens, i, out) -> {
            SqlToken t = tokens.get(i);
            boolean label = t.is(Kind.STRING) && t.value().equals(old) && t.castTo().equals(typeName);
            out.append(label ? lexer.string(renamed) : t.text());
            return i;
        });
    }

    /**
     * Names qualified by schema {@code from} are qualified by {@code to} instead, in a string that
     * names an object too; a name that only ends in {@code from} or follows a dot is not a qualifier.
     */
    public String requalify(String sql, String from, String to) {
        return each(sql, (tokens, i, out) -> {
            SqlToken t = tokens.get(i);
            if (t.is(Kind.NAME_STRING)) {
                out.append(lexer.string(requalify(t.value(), from, to)));
            } else if (isName(t, from) && beforeDot(tokens, i) && !afterDot(tokens, i)) {
                out.append(lexer.name(to, t));
            } else {
                out.append(t.text());
            }
            return i;
        });
    }

    private interface Where {
        boolean test(List<SqlToken> tokens, int at);
    }

    /** Writes the token at {@code at} (and any it takes with it) and returns the last index it consumed. */
    private interface Step {
        int write(List<SqlToken> tokens, int at, StringBuilder out);
    }

    private String renameWhere(String sql, String old, String renamed, Where where) {
        return each(sql, (tokens, i, out) -> {
            SqlToken t = tokens.get(i);
            out.append(isName(t, old) && where.test(tokens, i) ? lexer.name(renamed, t) : t.text());
            return i;
        });
    }

    private String each(String sql, Step step) {
        if (sql == null) {
            return null;
        }
        List<SqlToken> tokens = lexer.tokens(sql);
        StringBuilder out = new StringBuilder(sql.length() + 16);
        for (int i = 0; i < tokens.size(); i++) {
            i = step.write(tokens, i, out);
        }
        return out.toString();
    }

    private static boolean isName(SqlToken t, String name) {
        return t.is(Kind.NAME) && t.value().equals(name);
    }

    private static boolean afterDot(List<SqlToken> tokens, int at) {
        int p = previous(tokens, at);
        return p >= 0 && tokens.get(p).is(Kind.DOT);
    }

    private static boolean beforeDot(List<SqlToken> tokens, int at) {
        int n = next(tokens, at);
        return n >= 0 && tokens.get(n).is(Kind.DOT);
    }

    /* A qualified name has no space inside it as the server prints it, but a reader may: skip it. */
    private static int previous(List<SqlToken> tokens, int at) {
        return step(tokens, at, -1, i -> !tokens.get(i).is(Kind.SPACE));
    }

    private static int next(List<SqlToken> tokens, int at) {
        return step(tokens, at, 1, i -> !tokens.get(i).is(Kind.SPACE));
    }

    private static int step(List<SqlToken> tokens, int at, int by, IntPredicate stop) {
        for (int i = at + by; i >= 0 && i < tokens.size(); i += by) {
            if (stop.test(i)) {
                return i;
            }
        }
        return -1;
    }
}
