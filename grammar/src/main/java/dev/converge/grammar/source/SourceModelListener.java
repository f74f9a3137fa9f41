package dev.converge.grammar.source;

import dev.converge.grammar.postgres.PostgresLexer;
import dev.converge.grammar.postgres.PostgresParser;
import dev.converge.grammar.postgres.PostgresParserBaseListener;
import dev.converge.grammar.support.TextPositions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * SourceModelListener walks the parse tree of one statement and collects what it declares and
 * references. Names found in expressions (function calls, casts, nextval('seq'), relations after
 * FROM and JOIN) are optional references; names in the statement's structure whose namespace is
 * certain (a foreign key's table, the table of an index, trigger or policy) are required ones.
 */
final class SourceModelListener extends PostgresParserBaseListener {
    /** The kind of each statement rule; a rule not listed is OTHER. */
    private static final Map<Integer, StatementKind> KINDS = Map.ofEntries(
            Map.entry(PostgresParser.RULE_createSchema, StatementKind.CREATE_SCHEMA),
            Map.entry(PostgresParser.RULE_createTable, StatementKind.CREATE_TABLE),
            Map.entry(PostgresParser.RULE_createIndex, StatementKind.CREATE_INDEX),
            Map.entry(PostgresParser.RULE_createSequence, StatementKind.CREATE_SEQUENCE),
            Map.entry(PostgresParser.RULE_alterSequence, StatementKind.ALTER_SEQUENCE),
            Map.entry(PostgresParser.RULE_createType, StatementKind.CREATE_TYPE),
            Map.entry(PostgresParser.RULE_createDomain, StatementKind.CREATE_DOMAIN),
            Map.entry(PostgresParser.RULE_createView, StatementKind.CREATE_VIEW),
            Map.entry(PostgresParser.RULE_createMaterializedView, StatementKind.CREATE_MATERIALIZED_VIEW),
            Map.entry(PostgresParser.RULE_createFunction, StatementKind.CREATE_FUNCTION),
            Map.entry(PostgresParser.RULE_createTrigger, StatementKind.CREATE_TRIGGER),
            Map.entry(PostgresParser.RULE_createPolicy, StatementKind.CREATE_POLICY),
            Map.entry(PostgresParser.RULE_createExtension, StatementKind.CREATE_EXTENSION),
            Map.entry(PostgresParser.RULE_alterTable, StatementKind.ALTER_TABLE),
            Map.entry(PostgresParser.RULE_commentOn, StatementKind.COMMENT),
            Map.entry(PostgresParser.RULE_grantOrRevoke, StatementKind.GRANT),
            Map.entry(PostgresParser.RULE_dropStatement, StatementKind.DROP),
            Map.entry(PostgresParser.RULE_setStatement, StatementKind.SET),
            Map.entry(PostgresParser.RULE_otherCreate, StatementKind.OTHER_CREATE),
            Map.entry(PostgresParser.RULE_otherAlter, StatementKind.OTHER_ALTER));
    private static final Set<String> SEQUENCE_FUNCTIONS = Set.of("nextval", "currval", "setval");

    private final CommonTokenStream tokens;
    private final TextPositions positions;
    private final List<Comment> leadingComments;
    private final List<Declaration> declarations = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private final Set<Integer> attachedComments = new HashSet<>();
    private StatementKind kind = StatementKind.OTHER;
    private SqlName table;
    private SqlName extended;

    SourceModelListener(CommonTokenStream tokens, TextPositions positions, List<Comment> leadingComments) {
        this.tokens = tokens;
        this.positions = positions;
        this.leadingComments = leadingComments;
    }

    ParsedStatement result() {
        List<Annotation> leading = new ArrayList<>();
        for (Comment comment : leadingComments) {
            Annotations.of(comment.text(), comment.offset()).ifPresent(leading::add);
        }
        List<Annotation> all = new ArrayList<>(leading);
        List<Annotation> unattached = new ArrayList<>();
        for (Token token : tokens.getTokens()) {
            if (isComment(token)) {
                Annotations.of(token.getText(), offset(token)).ifPresent(a -> {
                    all.add(a);
                    if (!attachedComments.contains(token.getTokenIndex())) {
                        unattached.add(a);
                    }
                });
            }
        }
        List<Declaration> declared = new ArrayList<>(declarations);
        if (!leading.isEmpty()) {
            // Annotations before a statement belong to the first object it declares.
            if (declared.isEmpty()) {
                unattached.addAll(0, leading);
            } else {
                Declaration first = declared.get(0);
                List<Annotation> merged = new ArrayList<>(leading);
                merged.addAll(first.annotations());
                declared.set(0, new Declaration(first.kind(), first.space(), first.name(), first.offset(), merged));
            }
        }
        return new ParsedStatement(kind, declared, references, extended, all, unattached, List.of());
    }

    // ------------------------------------------------------------ statements

    @Override
    public void enterStatement(PostgresParser.StatementContext ctx) {
        kind = KINDS.getOrDefault(((ParserRuleContext) ctx.getChild(0)).getRuleIndex(), StatementKind.OTHER);
    }

    @Override
    public void enterCreateSchema(PostgresParser.CreateSchemaContext ctx) {
        if (ctx.identifier() != null) {
            declare("schema", NameSpace.SCHEMA, SqlName.of(name(ctx.identifier())), ctx.identifier(), false);
        } else if (ctx.roleName() != null && ctx.roleName().identifier() != null) {
            // CREATE SCHEMA AUTHORIZATION joe creates the schema joe.
            PostgresParser.IdentifierContext role = ctx.roleName().identifier();
            declare("schema", NameSpace.SCHEMA, SqlName.of(name(role)), role, false);
        }
    }

    @Override
    public void enterCreateTable(PostgresParser.CreateTableContext ctx) {
        table = name(ctx.qualifiedName());
        declare("table", NameSpace.RELATION, table, ctx.qualifiedName(), false);
    }

    @Override
    public void enterTableBody(PostgresParser.TableBodyContext ctx) {
        if (ctx.PARTITION() != null) {
            require(NameSpace.RELATION, ctx.qualifiedName());
        }
    }

    @Override
    public void enterTableTail(PostgresParser.TableTailContext ctx) {
        if (ctx.INHERITS() != null) {
            ctx.qualifiedName().forEach(parent -> require(NameSpace.RELATION, parent));
        }
    }

    @Override
    public void enterTableElement(PostgresParser.TableElementContext ctx) {
        if (ctx.LIKE() != null) {
            require(NameSpace.RELATION, ctx.qualifiedName());
        }
    }

    @Override
    public void enterColumnDef(PostgresParser.ColumnDefContext ctx) {
        if (table != null) {
            declare("column", NameSpace.COLUMN, member(table, name(ctx.identifier())), ctx, true);
        }
    }

    @Override
    public void enterColumnOption(PostgresParser.ColumnOptionContext ctx) {
        if (ctx.CONSTRAINT() != null && table != null) {
            declare("constraint", NameSpace.CONSTRAINT, member(table, name(ctx.identifier())), ctx.identifier(),
                    false);
        }
    }

    @Override
    public void enterColumnConstraint(PostgresParser.ColumnConstraintContext ctx) {
        if (ctx.REFERENCES() != null) {
            require(NameSpace.RELATION, ctx.qualifiedName());
        }
    }

    @Override
    public void enterTableConstraint(PostgresParser.TableConstraintContext ctx) {
        if (ctx.CONSTRAINT() != null && table != null) {
            declare("constraint", NameSpace.CONSTRAINT, member(table, name(ctx.identifier())), ctx, true);
        }
    }

    @Override
    public void enterTableConstraintBody(PostgresParser.TableConstraintBodyContext ctx) {
        if (ctx.REFERENCES() != null) {
            require(NameSpace.RELATION, ctx.qualifiedName());
        }
        if (ctx.INDEX() != null && table != null) {
            // The index it takes over lives in the table's schema and must be created first.
            SqlName index = inSchemaOf(table, name(ctx.identifier()));
            references.add(new Reference(NameSpace.RELATION, index, offset(ctx.identifier()), true));
        }
    }

    @Override
    public void enterCreateIndex(PostgresParser.CreateIndexContext ctx) {
        SqlName on = name(ctx.qualifiedName());
        require(NameSpace.RELATION, ctx.qualifiedName());
        if (identifierBeforeOn(ctx)) {
            PostgresParser.IdentifierContext indexName = ctx.identifier(0);
            // An index lives in the schema of its table.
            SqlName qualified = inSchemaOf(on, name(indexName));
            declare("index", NameSpace.RELATION, qualified, ctx, true);
        }
        if (ctx.UNIQUE() != null) {
            extended = on;
        }
    }

    private static boolean identifierBeforeOn(PostgresParser.CreateIndexContext ctx) {
        return !ctx.identifier().isEmpty() && ctx.identifier(0).getStart().getTokenIndex()
                < ctx.ON().getSymbol().getTokenIndex();
    }

    @Override
    public void enterCreateSequence(PostgresParser.CreateSequenceContext ctx) {
        declare("sequence", NameSpace.RELATION, name(ctx.qualifiedName()), ctx, true);
    }

    @Override
    public void enterAlterSequence(PostgresParser.AlterSequenceContext ctx) {
        require(NameSpace.RELATION, ctx.qualifiedName());
    }

    @Override
    public void enterSequenceOption(PostgresParser.SequenceOptionContext ctx) {
        if (ctx.OWNED() != null) {
            SqlName column = name(ctx.qualifiedName());
            if (column.qualifier() != null) {
                references.add(new Reference(NameSpace.RELATION, column.qualifier(), offset(ctx.qualifiedName()),
                        true));
            }
        }
    }

    @Override
    public void enterCreateType(PostgresParser.CreateTypeContext ctx) {
        SqlName type = name(ctx.qualifiedName());
        declare(ctx.ENUM() != null ? "enum" : "type", NameSpace.TYPE, type, ctx, true);
        for (PostgresParser.EnumLabelContext label : ctx.enumLabel()) {
            declare("enum label", NameSpace.ENUM_LABEL, member(type, StringLiterals.value(label.getText())), label,
                    true);
        }
    }

    @Override
    public void enterCreateDomain(PostgresParser.CreateDomainContext ctx) {
        declare("domain", NameSpace.TYPE, name(ctx.qualifiedName()), ctx, true);
    }

    @Override
    public void enterCreateView(PostgresParser.CreateViewContext ctx) {
        declare("view", NameSpace.RELATION, name(ctx.qualifiedName()), ctx, true);
    }

    @Override
    public void enterCreateMaterializedView(PostgresParser.CreateMaterializedViewContext ctx) {
        declare("materialized view", NameSpace.RELATION, name(ctx.qualifiedName()), ctx, true);
    }

    @Override
    public void enterQuery(PostgresParser.QueryContext ctx) {
        new RelationScan(tokens, positions, references).scan(ctx.getStart().getTokenIndex(),
                ctx.getStop().getTokenIndex());
    }

    @Override
    public void enterCreateFunction(PostgresParser.CreateFunctionContext ctx) {
        declare(ctx.PROCEDURE() != null ? "procedure" : "function", NameSpace.FUNCTION, name(ctx.qualifiedName()),
                ctx, true);
    }

    @Override
    public void enterCreateTrigger(PostgresParser.CreateTriggerContext ctx) {
        SqlName on = name(ctx.qualifiedName());
        require(NameSpace.RELATION, ctx.qualifiedName());
        declare("trigger", NameSpace.TRIGGER, member(on, name(ctx.identifier())), ctx, true);
        require(NameSpace.FUNCTION, ctx.functionCall().qualifiedName());
    }

    @Override
    public void enterCreatePolicy(PostgresParser.CreatePolicyContext ctx) {
        SqlName on = name(ctx.qualifiedName());
        require(NameSpace.RELATION, ctx.qualifiedName());
        declare("policy", NameSpace.POLICY, member(on, name(ctx.identifier())), ctx, true);
    }

    @Override
    public void enterCreateExtension(PostgresParser.CreateExtensionContext ctx) {
        declare("extension", NameSpace.EXTENSION, SqlName.of(name(ctx.identifier())), ctx, true);
    }

    @Override
    public void enterAlterTable(PostgresParser.AlterTableContext ctx) {
        table = name(ctx.qualifiedName());
        require(NameSpace.RELATION, ctx.qualifiedName());
    }

    @Override
    public void enterAddColumn(PostgresParser.AddColumnContext ctx) {
        extended = table;
    }

    @Override
    public void enterAddConstraint(PostgresParser.AddConstraintContext ctx) {
        PostgresParser.TableConstraintBodyContext body = ctx.tableConstraint().tableConstraintBody();
        if (body.PRIMARY() != null || body.UNIQUE() != null) {
            extended = table;
        }
    }

    @Override
    public void enterCommentOn(PostgresParser.CommentOnContext ctx) {
        PostgresParser.CommentTargetContext target = ctx.commentTarget();
        if (target.qualifiedName() == null) {
            return; // a kind of object the grammar reads as token soup (its words may be COLUMN, TABLE...)
        }
        if (target.objectKind() != null) {
            PostgresParser.ObjectKindContext objectKind = target.objectKind();
            if (objectKind.TABLE() != null || objectKind.VIEW() != null) {
                require(NameSpace.RELATION, target.qualifiedName());
            } else if (objectKind.SCHEMA() != null) {
                require(NameSpace.SCHEMA, target.qualifiedName());
            } else if (objectKind.TYPE() != null || objectKind.DOMAIN() != null) {
                require(NameSpace.TYPE, target.qualifiedName());
            } else if (objectKind.EXTENSION() != null) {
                require(NameSpace.EXTENSION, target.qualifiedName());
            } else {
                // An index or sequence may be one PostgreSQL made itself (a primary key's index, a serial's sequence).
                optional(NameSpace.RELATION, target.qualifiedName());
            }
        } else if (target.COLUMN() != null) {
            SqlName column = name(target.qualifiedName());
            if (column.qualifier() != null) {
                references.add(new Reference(NameSpace.RELATION, column.qualifier(), offset(target), true));
            }
        } else if (target.qualifiedName() != null && target.ON() != null) {
            require(target.DOMAIN() != null ? NameSpace.TYPE : NameSpace.RELATION, target.qualifiedName());
        } else if (target.qualifiedName() != null) {
            require(NameSpace.FUNCTION, target.qualifiedName());
        }
    }

    @Override
    public void enterGrantOrRevoke(PostgresParser.GrantOrRevokeContext ctx) {
        new GrantScan(tokens, positions, references).scan(ctx.getStart().getTokenIndex(),
                ctx.getStop().getTokenIndex());
    }

    // ------------------------------------------------------------ names in expressions and types

    @Override
    public void enterBaseType(PostgresParser.BaseTypeContext ctx) {
        if (ctx.qualifiedName() != null) {
            optional(NameSpace.TYPE, ctx.qualifiedName());
        }
    }

    @Override
    public void enterFunctionCall(PostgresParser.FunctionCallContext ctx) {
        if (ctx.OPEN_PAREN() == null) {
            return; // a name, not a call: relations in queries are found by RelationScan
        }
        SqlName function = name(ctx.qualifiedName());
        if (!(ctx.getParent() instanceof PostgresParser.CreateTriggerContext)) {
            optional(NameSpace.FUNCTION, ctx.qualifiedName());
        }
        // nextval('orders_id_seq'): the sequence is named by a string.
        if (SEQUENCE_FUNCTIONS.contains(function.last()) && ctx.expr() != null) {
            Token first = ctx.expr().getStart();
            if (first.getType() == PostgresLexer.STRING) {
                StringLiterals.name(first.getText()).ifPresent(sequence ->
                        references.add(new Reference(NameSpace.RELATION, sequence, offset(first), false)));
            }
        }
    }

    @Override
    public void enterExprItem(PostgresParser.ExprItemContext ctx) {
        regclassLiteral(ctx.TYPECAST() != null ? ctx.typeName() : null, ctx);
    }

    @Override
    public void enterDefaultItem(PostgresParser.DefaultItemContext ctx) {
        regclassLiteral(ctx.TYPECAST() != null ? ctx.typeName() : null, ctx);
    }

    /* 'orders'::regclass names a relation in a string. */
    private void regclassLiteral(PostgresParser.TypeNameContext type, ParserRuleContext item) {
        if (type == null || !type.getText().equalsIgnoreCase("regclass")) {
            return;
        }
        int index = item.getStart().getTokenIndex() - 1;
        while (index >= 0 && tokens.get(index).getChannel() != Token.DEFAULT_CHANNEL) {
            index--;
        }
        if (index >= 0 && tokens.get(index).getType() == PostgresLexer.STRING) {
            Token literal = tokens.get(index);
            StringLiterals.name(literal.getText()).ifPresent(relation ->
                    references.add(new Reference(NameSpace.RELATION, relation, offset(literal), false)));
        }
    }

    // ------------------------------------------------------------ helpers

    private void declare(String objectKind, NameSpace space, SqlName name, ParserRuleContext at,
                         boolean takesAnnotations) {
        List<Annotation> annotations = takesAnnotations ? annotationsBefore(at.getStart()) : List.of();
        declarations.add(new Declaration(objectKind, space, name, offset(at), annotations));
    }

    /** The annotations in the comments right before a token; they are attached to what it starts. */
    private List<Annotation> annotationsBefore(Token token) {
        List<Token> hidden = tokens.getHiddenTokensToLeft(token.getTokenIndex());
        if (hidden == null || token.getTokenIndex() == firstTokenIndex()) {
            return List.of();
        }
        List<Annotation> found = new ArrayList<>();
        for (Token comment : hidden) {
            if (isComment(comment)) {
                Annotations.of(comment.getText(), offset(comment)).ifPresent(a -> {
                    found.add(a);
                    attachedComments.add(comment.getTokenIndex());
                });
            }
        }
        return found;
    }

    private int firstTokenIndex() {
        for (Token t : tokens.getTokens()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return t.getTokenIndex();
            }
        }
        return -1;
    }

    private void require(NameSpace space, PostgresParser.QualifiedNameContext ctx) {
        references.add(new Reference(space, name(ctx), offset(ctx), true));
    }

    private void optional(NameSpace space, PostgresParser.QualifiedNameContext ctx) {
        references.add(new Reference(space, name(ctx), offset(ctx), false));
    }

    /** An index's name: it lives in the schema of its table {@code relation} (none when that is unqualified). */
    private static SqlName inSchemaOf(SqlName relation, String index) {
        return relation.qualifier() == null ? SqlName.of(index) : member(relation.qualifier(), index);
    }

    private static SqlName member(SqlName owner, String member) {
        List<String> parts = new ArrayList<>(owner.parts());
        parts.add(member);
        return new SqlName(parts);
    }

    private static boolean isComment(Token token) {
        return token.getType() == PostgresLexer.LINE_COMMENT || token.getType() == PostgresLexer.BLOCK_COMMENT;
    }

    private int offset(ParserRuleContext ctx) {
        return offset(ctx.getStart());
    }

    private int offset(Token token) {
        return positions.charOffset(token.getStartIndex());
    }

    static SqlName name(PostgresParser.QualifiedNameContext ctx) {
        List<String> parts = new ArrayList<>();
        for (PostgresParser.IdentifierContext part : ctx.identifier()) {
            parts.add(name(part));
        }
        return new SqlName(parts);
    }

    static String name(PostgresParser.IdentifierContext ctx) {
        return Names.fold(ctx.getStart());
    }

    /** Names as the server stores them: unquoted folded to lower case, quoted as written. */
    static final class Names {
        private Names() {
        }

        static String fold(Token token) {
            String text = token.getText();
            switch (token.getType()) {
                case PostgresLexer.QUOTED_IDENTIFIER:
                    return text.substring(1, text.length() - 1).replace("\"\"", "\"");
                case PostgresLexer.UNICODE_QUOTED_IDENTIFIER:
                    return text.substring(3, text.length() - 1).replace("\"\"", "\"");
                default:
                    return text.toLowerCase(Locale.ROOT);
            }
        }
    }
}
