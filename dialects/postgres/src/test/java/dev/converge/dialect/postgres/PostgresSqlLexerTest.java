package dev.converge.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.spi.SqlToken;
import dev.converge.engine.text.NameRewriter;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Renames in text PostgreSQL deparsed, through the grammar's lexer (no server). */
class PostgresSqlLexerTest {
    private final PostgresSqlLexer lexer = new PostgresSqlLexer();
    private final NameRewriter names = new NameRewriter(lexer);
    private final QualifiedName orders = QualifiedName.of("shop", "orders");

    @Test
    void tokensGiveBackTheTextExactly() {
        String sql = "CHECK ((status <> E'it\\'s status')) /* a /* nested */ status */ $x$ status $x$ -- status\n";
        assertEquals(sql, lexer.tokens(sql).stream().map(SqlToken::text).collect(Collectors.joining()));
    }

    @Test
    void aColumnRenameTouchesNoStringCommentOrDollarQuote() {
        assertEquals("CHECK ((state <> 'bad status value'::text) AND (\"Status\" <> E'status'))",
                names.renameColumn("CHECK ((status <> 'bad status value'::text) AND (\"Status\" <> E'status'))",
                        orders, "status", "state"));
        assertEquals("\"State\" $$ status $$", names.renameColumn("\"Status\" $$ status $$", orders, "Status", "State"));
    }

    @Test
    void aSequenceRenameFollowsTheRegclassLiteral() {
        assertEquals("nextval('shop.\"Order Ids\"'::regclass)", names.renameRelation(
                "nextval('shop.orders_id_seq'::regclass)", QualifiedName.of("shop", "orders_id_seq"),
                QualifiedName.of("shop", "Order Ids")));
        assertEquals("'shop.orders_id_seq'::text", names.renameRelation("'shop.orders_id_seq'::text",
                QualifiedName.of("shop", "orders_id_seq"), QualifiedName.of("shop", "x")));
    }

    @Test
    void anEnumLabelIsRenamedOnlyWhereItIsALabelOfThatType() {
        QualifiedName status = QualifiedName.of("shop", "status");
        assertEquals("'closed'::shop.status", names.renameLabel("'open'::shop.status", status, "open", "closed"));
        assertEquals("'open'::text", names.renameLabel("'open'::text", status, "open", "closed"));
        assertEquals("'it''s'::\"Shop\".status", names.renameLabel("'its'::\"Shop\".status",
                QualifiedName.of("Shop", "status"), "its", "it's"));
    }

    @Test
    void requalifyingKeepsDataAndFollowsRegclass() {
        assertEquals("SELECT tenant_a.orders.id, 'app.orders' FROM tenant_a.orders WHERE nextval('tenant_a.s'::regclass) > 0",
                names.requalify("SELECT app.orders.id, 'app.orders' FROM app.orders WHERE nextval('app.s'::regclass) > 0",
                        "app", "tenant_a"));
    }
}
