package dev.converge.engine.plan;

import static dev.converge.engine.Fixtures.col;
import static dev.converge.engine.Fixtures.model;
import static dev.converge.engine.Fixtures.name;
import static dev.converge.engine.Fixtures.pk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.change.Rename;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import dev.converge.engine.source.RenameAnnotation;
import dev.converge.engine.text.AnsiLexer;
import dev.converge.engine.text.NameRewriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Renames from annotations, planned with no server and no dialect on the classpath. */
class RenamesTest {
    private final Renames renames = new Renames(new NameRewriter(new AnsiLexer()));

    private static Table orders(String column, String check) {
        return new Table(name("public.orders"), List.of(col("id", "integer"), col(column, "text")),
                List.of(pk("orders", "id"), new TableConstraint("orders_check", ConstraintKind.CHECK, check,
                        List.of(column), null)), null);
    }

    /* The bug of issue 17: the old name inside the string was rewritten, so the check was replaced for nothing. */
    @Test
    void aColumnRenameLeavesAStringThatHoldsTheOldNameAlone() {
        SchemaModel current = model().tableWith(orders("status", "CHECK ((status <> 'bad status value'))")).build();
        SchemaModel desired = model().tableWith(orders("state", "CHECK ((state <> 'bad status value'))")).build();
        ObjectRef state = ObjectRef.member(ObjectKind.COLUMN, name("public.orders"), "state");

        Renames.Result result = renames.apply(current, desired,
                List.of(new RenameAnnotation(state, "status", "schema/orders.sql:3")));

        assertEquals(List.of(new Rename(ObjectRef.member(ObjectKind.COLUMN, name("public.orders"), "status"), "state")),
                result.changes());
        assertEquals(desired.tables(), result.current().tables(), "after the rename the table is the desired one");
    }

    @Test
    void aTableRenameFollowsItsIndexesAndTheKeysThatReferenceIt() {
        SchemaModel current = model().table("public.customers", col("id", "integer"))
                .table("public.orders", col("id", "integer"), col("customer_id", "integer"))
                .index("public.orders_customer_idx", "public.customers", "id")
                .foreignKey("public.orders", "orders_customer_fk", "customer_id", "public.customers").build();
        SchemaModel desired = model().table("public.clients", col("id", "integer"))
                .table("public.orders", col("id", "integer"), col("customer_id", "integer"))
                .index("public.orders_customer_idx", "public.clients", "id")
                .foreignKey("public.orders", "orders_customer_fk", "customer_id", "public.clients").build();
        ObjectRef clients = ObjectRef.of(ObjectKind.TABLE, name("public.clients"));

        Renames.Result result = renames.apply(current, desired,
                List.of(new RenameAnnotation(clients, "customers", "schema/clients.sql:1")));

        assertEquals(desired.foreignKeys(), result.current().foreignKeys());
        assertEquals(desired.indexes(), result.current().indexes());
    }

    @Test
    void anAnnotationForAnOldNameThatIsGoneIsANote() {
        SchemaModel both = model().table("public.t", col("id", "integer")).build();
        Renames.Result result = renames.apply(both, both, List.of(new RenameAnnotation(
                ObjectRef.of(ObjectKind.TABLE, name("public.t")), "old_t", "schema/t.sql:1")));
        assertEquals(List.of(), result.changes());
        assertEquals(List.of("converge:renamed-from old_t at schema/t.sql:1 is no longer needed for this target "
                + "(it has no table public.old_t); remove it once no database has the old name"), result.notes());
    }
}
