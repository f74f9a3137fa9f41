package dev.converge.dialect.postgres.inspect;

import static dev.converge.dialect.postgres.inspect.InspectorFixture.inspect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.View;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Views, routines and policies name what they read with one fragment (object_references.sql): each
 * of them reading the same materialized view and sequence gets the same refs, where before only
 * views knew those two kinds.
 */
class ObjectReferencesTest {
    private static final ObjectRef TOTALS = ObjectRef.of(ObjectKind.MATERIALIZED_VIEW, pub("totals"));
    private static final ObjectRef TICKETS = ObjectRef.of(ObjectKind.SEQUENCE, pub("tickets"));

    private static SchemaModel model;

    @BeforeAll
    static void inspectOneDatabase() {
        model = inspect("""
                CREATE TABLE orders (id int, amount int);
                CREATE SEQUENCE tickets;
                CREATE MATERIALIZED VIEW totals AS SELECT sum(amount) AS total FROM orders;
                CREATE VIEW next_ticket AS SELECT nextval('tickets') AS ticket, (SELECT total FROM totals) AS total;
                CREATE FUNCTION ticket_over_total() RETURNS boolean LANGUAGE sql
                    RETURN nextval('tickets') > (SELECT total FROM totals);
                ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
                CREATE POLICY under_total ON orders
                    USING (amount < (SELECT total FROM totals) AND nextval('tickets') > 0);
                """);
    }

    private static QualifiedName pub(String name) {
        return QualifiedName.of("public", name);
    }

    @Test
    void aViewDependsOnTheMaterializedViewAndTheSequenceItReads() {
        View view = model.views().stream().filter(v -> v.name().equals(pub("next_ticket"))).findFirst().orElseThrow();
        assertEquals(List.of(TICKETS, TOTALS), view.dependsOn());
    }

    @Test
    void aRoutineDependsOnTheMaterializedViewAndTheSequenceItsBodyReads() {
        Routine routine = model.routines().stream().filter(r -> r.name().equals(pub("ticket_over_total")))
                .findFirst().orElseThrow();
        assertEquals(List.of(TICKETS, TOTALS), routine.dependsOn());
    }

    @Test
    void aPolicyDependsOnTheMaterializedViewTheSequenceAndTheColumnsOfItsTableItReads() {
        assertEquals(List.of(TICKETS, ObjectRef.member(ObjectKind.COLUMN, pub("orders"), "amount"), TOTALS),
                model.policies().get(0).dependsOn());
    }
}
