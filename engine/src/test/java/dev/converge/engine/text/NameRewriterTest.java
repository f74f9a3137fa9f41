package dev.converge.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.model.QualifiedName;
import org.junit.jupiter.api.Test;

/** Names inside SQL text change, strings and comments do not; no dialect is on the classpath. */
class NameRewriterTest {
    private final NameRewriter names = new NameRewriter(new AnsiLexer());
    private final QualifiedName orders = QualifiedName.of("shop", "orders");

    @Test
    void aColumnRenameLeavesStringsAndCommentsAlone() {
        assertEquals("CHECK ((state <> 'bad status value')) -- status",
                names.renameColumn("CHECK ((status <> 'bad status value')) -- status", orders, "status", "state"));
    }

    @Test
    void aColumnIsRenamedAloneOrAfterItsTableButNotAfterAnotherQualifier() {
        assertEquals("orders.state + state + other.status + shop.status",
                names.renameColumn("orders.status + status + other.status + shop.status", orders, "status", "state"));
        assertEquals("\"State X\" > 0", names.renameColumn("\"Status X\" > 0", orders, "Status X", "State X"));
        assertEquals("statuses > 0", names.renameColumn("statuses > 0", orders, "status", "state"));
    }

    @Test
    void aTableRenameChangesItsQualifiedNameAndStringsThatNameIt() {
        QualifiedName renamed = QualifiedName.of("shop", "purchases");
        assertEquals("REFERENCES shop.purchases(id) 'shop.orders' nextval('shop.purchases'::name) orders",
                names.renameRelation("REFERENCES shop.orders(id) 'shop.orders' nextval('shop.orders'::name) orders",
                        orders, renamed));
        assertEquals("x.shop.orders", names.renameRelation("x.shop.orders", orders, renamed));
    }

    @Test
    void aDefinitionsOwnNameIsTheFirstThatStandsAlone() {
        assertEquals("CREATE INDEX b ON shop.a (a)", names.renameOwnName("CREATE INDEX a ON shop.a (a)", "a", "b"));
    }

    @Test
    void requalifyingChangesQualifiersOnly() {
        assertEquals("tenant.orders, x.app.y, app, 'app.orders', 'tenant.s'::name, \"Tenant B\".t",
                names.requalify("app.orders, x.app.y, app, 'app.orders', 'app.s'::name, \"Tenant B\".t", "app", "tenant"));
        assertEquals("\"Tenant B\".orders", names.requalify("app.orders", "app", "Tenant B"));
    }
}
