package dev.converge.engine.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SqlRequalifierTest {
    private final SqlRequalifier toTenant = new SqlRequalifier("app", "tenant_acme");

    @Test
    void qualifiedNamesAreRequalified() {
        assertEquals("SELECT o.id FROM (tenant_acme.orders o JOIN tenant_acme.customers c ON ((c.id = o.cid)))",
                toTenant.apply("SELECT o.id FROM (app.orders o JOIN app.customers c ON ((c.id = o.cid)))"));
        assertEquals("'new'::tenant_acme.status", toTenant.apply("'new'::app.status"));
        assertEquals("tenant_acme.status[]", toTenant.apply("\"app\".status[]"));
        assertEquals("nextval('tenant_acme.orders_id_seq'::regclass)",
                toTenant.apply("nextval('app.orders_id_seq'::regclass)"));
    }

    @Test
    void dataCommentsAndLookalikesAreLeftAlone() {
        assertEquals("'app.orders'::text", toTenant.apply("'app.orders'::text"));
        assertEquals("my_app.orders, o.app.x, apps.t", toTenant.apply("my_app.orders, o.app.x, apps.t"));
        assertEquals("-- app.orders\nx", toTenant.apply("-- app.orders\nx"));
        assertEquals("$$ app.orders $$", toTenant.apply("$$ app.orders $$"));
        assertEquals("app", toTenant.apply("app"));
    }

    @Test
    void namesThatNeedQuotesAreQuoted() {
        SqlRequalifier quoted = new SqlRequalifier("app", "Tenant B");
        assertEquals("\"Tenant B\".orders", quoted.apply("app.orders"));
        assertEquals("nextval('\"Tenant B\".s'::regclass)", quoted.apply("nextval('app.s'::regclass)"));
        assertEquals("app.orders", new SqlRequalifier("Tenant B", "app").apply("\"Tenant B\".orders"));
    }
}
