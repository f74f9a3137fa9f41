package dev.converge.grammar.source;

import dev.converge.grammar.mysql.MysqlLexer;
import dev.converge.grammar.mysql.MysqlParser;
import dev.converge.grammar.mysql.MysqlParserBaseListener;
import dev.converge.grammar.support.TextPositions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * MysqlSourceListener walks the parse tree of one MySQL statement and collects what it declares and
 * references. The table of a foreign key, of CREATE INDEX, of a trigger and of CREATE TABLE ... LIKE
 * are required references; relations after FROM and JOIN in a view's query are optional ones (they
 * may be common table expressions).
 */
final class MysqlSourceListener extends MysqlParserBaseListener {
    private static final Set<Integer> COMMENTS = Set.of(MysqlLexer.LINE_COMMENT, MysqlLexer.BLOCK_COMMENT);

    private final CommonTokenStream tokens;
    private final TextPositions positions;
    private final List<Declaration> declarations = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private static final Map<Integer, StatementKind> KINDS = Map.of(
            MysqlParser.RULE_createTable, StatementKind.CREATE_TABLE,
            MysqlParser.RULE_createView, StatementKind.CREATE_VIEW,
            MysqlParser.RULE_createIndex, StatementKind.CREATE_INDEX,
            MysqlParser.RULE_createTrigger, StatementKind.CREATE_TRIGGER,
            MysqlParser.RULE_createRoutine, StatementKind.CREATE_FUNCTION,
            MysqlParser.RULE_createEvent, StatementKind.CREATE_EVENT,
            MysqlParser.RULE_alterTable, StatementKind.ALTER_TABLE,
            MysqlParser.RULE_otherAlter, StatementKind.OTHER_ALTER,
            MysqlParser.RULE_dropStatement, StatementKind.DROP,
            MysqlParser.RULE_otherCreate, StatementKind.OTHER_CREATE);

    private StatementKind kind = StatementKind.OTHER;
    private SqlName table;

    MysqlSourceListener(CommonTokenStream tokens, TextPositions positions) {
        this.tokens = tokens;
        this.positions = positions;
    }

    ParsedStatement result() {
        return new ParsedStatement(kind, declarations, references, null, List.of(), List.of(), List.of());
    }

    @Override
    public void enterCreateTable(MysqlParser.CreateTableContext ctx) {
        table = name(ctx.qualifiedName(0));
        declare("table", NameSpace.RELATION, table, ctx.qualifiedName(0), List.of());
        if (ctx.likeTable != null) {
            require(ctx.likeTable);
        }
    }

    @Override
    public void enterColumnDefinition(MysqlParser.ColumnDefinitionContext ctx) {
        SqlName column = new SqlName(List.of(table.last(), name(ctx.name())));
        declare("column", NameSpace.COLUMN, column, ctx.name(), annotationsBefore(ctx.getStart()));
    }

    @Override
    public void enterReferenceTarget(MysqlParser.ReferenceTargetContext ctx) {
        require(ctx.qualifiedName());
    }

    @Override
    public void enterCreateView(MysqlParser.CreateViewContext ctx) {
        declare("view", NameSpace.RELATION, name(ctx.qualifiedName()), ctx.qualifiedName(), List.of());
    }

    @Override
    public void enterQuery(MysqlParser.QueryContext ctx) {
        List<MysqlParser.ClauseContext> soup = ctx.clause();
        for (int i = 0; i + 1 < soup.size(); i++) {
            Token word = soup.get(i).getStart();
            if (word.getType() == MysqlParser.FROM || word.getType() == MysqlParser.JOIN) {
                relationAt(soup, i + 1);
            }
        }
    }

    /* The name that starts at soup element i (db.t is three elements), as an optional reference. */
    private void relationAt(List<MysqlParser.ClauseContext> soup, int i) {
        Token first = soup.get(i).getStart();
        if (!isName(first)) {
            return;
        }
        List<String> parts = new ArrayList<>(List.of(unquote(first)));
        if (i + 2 < soup.size() && soup.get(i + 1).getStart().getType() == MysqlLexer.DOT
                && isName(soup.get(i + 2).getStart())) {
            parts.add(unquote(soup.get(i + 2).getStart()));
        }
        references.add(new Reference(NameSpace.RELATION, new SqlName(parts), offset(first), false));
    }

    @Override
    public void enterCreateIndex(MysqlParser.CreateIndexContext ctx) {
        SqlName on = name(ctx.qualifiedName());
        declare("index", NameSpace.INDEX, new SqlName(List.of(on.last(), name(ctx.name()))), ctx.name(), List.of());
        require(ctx.qualifiedName());
    }

    @Override
    public void enterCreateTrigger(MysqlParser.CreateTriggerContext ctx) {
        SqlName on = name(ctx.qualifiedName(1));
        SqlName trigger = new SqlName(List.of(on.last(), name(ctx.qualifiedName(0)).last()));
        declare("trigger", NameSpace.TRIGGER, trigger, ctx.qualifiedName(0), List.of());
        require(ctx.qualifiedName(1));
    }

    @Override
    public void enterCreateRoutine(MysqlParser.CreateRoutineContext ctx) {
        String what = ctx.PROCEDURE() != null ? "procedure" : "function";
        declare(what, NameSpace.FUNCTION, name(ctx.qualifiedName()), ctx.qualifiedName(), List.of());
    }

    @Override
    public void enterCreateEvent(MysqlParser.CreateEventContext ctx) {
        declare("event", NameSpace.EVENT, name(ctx.qualifiedName()), ctx.qualifiedName(), List.of());
    }

    @Override
    public void enterAlterTable(MysqlParser.AlterTableContext ctx) {
        require(ctx.qualifiedName());
    }

    /** The kind of each statement rule; a rule not listed is OTHER. */
    @Override
    public void enterStatement(MysqlParser.StatementContext ctx) {
        ParserRuleContext chosen = (ParserRuleContext) ctx.getChild(0);
        kind = KINDS.getOrDefault(chosen.getRuleIndex(), StatementKind.OTHER);
        if (chosen instanceof MysqlParser.OtherStatementContext && chosen.getStart().getType() == MysqlParser.SET) {
            kind = StatementKind.SET;
        }
    }

    private void declare(String what, NameSpace space, SqlName name, ParserRuleContext at, List<Annotation> notes) {
        declarations.add(new Declaration(what, space, name, offset(at.getStart()), notes));
    }

    private void require(MysqlParser.QualifiedNameContext ctx) {
        references.add(new Reference(NameSpace.RELATION, name(ctx), offset(ctx.getStart()), true));
    }

    /** The annotations of the comments between the previous token and {@code token}. */
    private List<Annotation> annotationsBefore(Token token) {
        List<Token> hidden = tokens.getHiddenTokensToLeft(token.getTokenIndex());
        List<Annotation> found = new ArrayList<>();
        if (hidden != null) {
            for (Token t : hidden) {
                if (COMMENTS.contains(t.getType())) {
                    String text = t.getText().startsWith("#") ? "--" + t.getText().substring(1) : t.getText();
                    Annotations.of(text, offset(t)).ifPresent(found::add);
                }
            }
        }
        return found;
    }

    private int offset(Token token) {
        return positions.charOffset(token.getStartIndex());
    }

    private static SqlName name(MysqlParser.QualifiedNameContext ctx) {
        return new SqlName(ctx.name().stream().map(MysqlSourceListener::name).toList());
    }

    private static String name(MysqlParser.NameContext ctx) {
        return unquote(ctx.getStart());
    }

    private static boolean isName(Token token) {
        return token.getType() == MysqlLexer.IDENTIFIER || token.getType() == MysqlLexer.BACKQUOTED_NAME
                || MysqlExpectedTokens.NON_RESERVED.contains(token.getType());
    }

    /** A name as the server stores it: backquotes removed, a doubled backquote made one. */
    private static String unquote(Token token) {
        String text = token.getText();
        return token.getType() == MysqlLexer.BACKQUOTED_NAME
                ? text.substring(1, text.length() - 1).replace("``", "`") : text;
    }
}
