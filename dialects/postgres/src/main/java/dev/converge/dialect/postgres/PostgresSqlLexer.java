package dev.converge.dialect.postgres;

import dev.converge.engine.spi.SqlLexer;
import dev.converge.engine.spi.SqlToken;
import dev.converge.engine.spi.SqlToken.Kind;
import dev.converge.grammar.postgres.PostgresLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * PostgresSqlLexer reads text the server deparsed with the grammar's {@link PostgresLexer}, so that
 * the engine's renames see what the server's scanner sees: dollar quotes, escape strings and nested
 * comments are single tokens, never rewritten. Two string forms mean more than data: a literal cast
 * to {@code regclass} names a relation ({@code nextval('public.s'::regclass)}), and a literal cast to
 * a type carries that type ({@code 'open'::shop.status}, an enum label in a default).
 */
public final class PostgresSqlLexer implements SqlLexer {
    /* quote_ident leaves these bare unless they are key words (ruleutils.c); others are double-quoted. */
    private static final Pattern BARE = Pattern.compile("[a-z_][a-z0-9_]*");

    @Override
    public List<SqlToken> tokens(String sql) {
        List<? extends Token> raw = new PostgresLexer(CharStreams.fromString(sql)).getAllTokens();
        List<SqlToken> tokens = new ArrayList<>(raw.size());
        int at = 0;
        for (int i = 0; i < raw.size(); i++) {
            Token t = raw.get(i);
            if (t.getStartIndex() > at) {
                // Not expected from a lexer that tokenizes every character; kept so no text is ever lost.
                tokens.add(SqlToken.of(Kind.OTHER, sql.substring(at, t.getStartIndex())));
            }
            String text = sql.substring(t.getStartIndex(), t.getStopIndex() + 1);
            tokens.add(token(t.getType(), text, raw, i));
            at = t.getStopIndex() + 1;
        }
        if (at < sql.length()) {
            tokens.add(SqlToken.of(Kind.OTHER, sql.substring(at)));
        }
        return tokens;
    }

    private static SqlToken token(int type, String text, List<? extends Token> raw, int at) {
        switch (type) {
            case PostgresLexer.IDENTIFIER:
                return SqlToken.of(Kind.NAME, text);
            case PostgresLexer.QUOTED_IDENTIFIER:
                return new SqlToken(Kind.NAME, text, unquote(text, '"'), List.of());
            case PostgresLexer.DOT:
                return SqlToken.of(Kind.DOT, text);
            case PostgresLexer.WHITESPACE:
            case PostgresLexer.LINE_COMMENT:
            case PostgresLexer.BLOCK_COMMENT:
                return SqlToken.of(Kind.SPACE, text);
            case PostgresLexer.STRING:
                if (!text.startsWith("'")) {
                    return SqlToken.of(Kind.OTHER, text); // N'...': national character, data only
                }
                List<String> cast = castAfter(raw, at);
                String value = unquote(text, '\'');
                boolean regclass = cast.equals(List.of("regclass")) || cast.equals(List.of("pg_catalog", "regclass"));
                return new SqlToken(regclass ? Kind.NAME_STRING : Kind.STRING, text, value, regclass ? List.of() : cast);
            default:
                return SqlToken.of(Kind.OTHER, text);
        }
    }

    /* The type name in '::type' or '::schema.type' right after a literal, as names; empty when none. */
    private static List<String> castAfter(List<? extends Token> raw, int at) {
        int i = at + 1;
        if (i >= raw.size() || raw.get(i).getType() != PostgresLexer.TYPECAST) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (i++; i < raw.size(); i += 2) {
            Token t = raw.get(i);
            if (t.getType() == PostgresLexer.IDENTIFIER) {
                parts.add(t.getText());
            } else if (t.getType() == PostgresLexer.QUOTED_IDENTIFIER) {
                parts.add(unquote(t.getText(), '"'));
            } else {
                break;
            }
            if (i + 1 >= raw.size() || raw.get(i + 1).getType() != PostgresLexer.DOT) {
                break;
            }
        }
        return parts;
    }

    private static String unquote(String text, char quote) {
        return text.substring(1, text.length() - 1).replace("" + quote + quote, String.valueOf(quote));
    }

    @Override
    public String name(String name, SqlToken like) {
        boolean bare = BARE.matcher(name).matches() && !PostgresKeywords.needsQuotes(name);
        return bare ? name : PostgresIdentifiers.quote(name);
    }

    @Override
    public String string(String value) {
        return PostgresIdentifiers.literal(value);
    }
}
