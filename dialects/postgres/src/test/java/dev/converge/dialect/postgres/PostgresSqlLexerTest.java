package dev.converge.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.testing.SqlLexerContract;
import org.junit.jupiter.api.Test;

/** Renames in text PostgreSQL deparsed, through the grammar's lexer (no server). */
class PostgresSqlLexerTest extends SqlLexerContract {
    PostgresSqlLexerTest() {
        super(new PostgresSqlLexer(), "CHECK ((status <> E'it\\'s status')) /* a /* nested */ status */ $x$ status $x$ -- status\n",
                new ColumnRename("CHECK ((status <> 'bad status value'::text) AND (\"Status\" <> E'status'))",
                        "CHECK ((state <> 'bad status value'::text) AND (\"Status\" <> E'status'))"));
    }

    @Test
    void aQuotedColumnRenameKeepsItsCaseAndSkipsDollarQuotes() {
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

    /* The cases of the fleet's former SqlRequalifier, whose hand lexer this replaces. */
    @Test
    void requalifyingChangesQualifiersAndRegclassLiteralsOnly() {
        assertEquals("SELECT o.id FROM (tenant_acme.orders o JOIN tenant_acme.customers c ON ((c.id = o.cid)))",
                toTenant("SELECT o.id FROM (app.orders o JOIN app.customers c ON ((c.id = o.cid)))"));
        assertEquals("'new'::tenant_acme.status", toTenant("'new'::app.status"));
        assertEquals("tenant_acme.status[]", toTenant("\"app\".status[]"));
        assertEquals("nextval('tenant_acme.orders_id_seq'::regclass)", toTenant("nextval('app.orders_id_seq'::regclass)"));
        assertEquals("SELECT tenant_acme.orders.id, 'app.orders' FROM tenant_acme.orders",
                toTenant("SELECT app.orders.id, 'app.orders' FROM app.orders"));
    }

    @Test
    void requalifyingLeavesDataCommentsAndLookalikesAlone() {
        assertEquals("'app.orders'::text", toTenant("'app.orders'::text"));
        assertEquals("my_app.orders, o.app.x, apps.t", toTenant("my_app.orders, o.app.x, apps.t"));
        assertEquals("-- app.orders\nx", toTenant("-- app.orders\nx"));
        assertEquals("$$ app.orders $$", toTenant("$$ app.orders $$"));
        assertEquals("app", toTenant("app"));
    }

    @Test
    void requalifyingQuotesNamesThatNeedIt() {
        assertEquals("\"Tenant B\".orders", names.requalify("app.orders", "app", "Tenant B"));
        assertEquals("nextval('\"Tenant B\".s'::regclass)", names.requalify("nextval('app.s'::regclass)", "app", "Tenant B"));
        assertEquals("app.orders", names.requalify("\"Tenant B\".orders", "Tenant B", "app"));
    }

    private String toTenant(String sql) {
        return names.requalify(sql, "app", "tenant_acme");
    }
}
