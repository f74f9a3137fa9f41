package dev.converge.dialect.mysql.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.dialect.mysql.MysqlDialect;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.EnumType;
import dev.converge.engine.model.NamedSchema;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Sequence;
import dev.converge.engine.model.Table;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.Planner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A change MySQL cannot express is refused when the plan is made, with its reason; no server needed. */
class MysqlChangeSupportTest {
    private static final List<NamedSchema> DB = List.of(new NamedSchema("shop", null));
    private static final SchemaModel EMPTY = new SchemaModel(DB, List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());

    @Test
    void aKindMysqlHasNoStatementForIsRefusedAtPlanTimeWithEveryReason() {
        SchemaModel desired = new SchemaModel(DB,
                List.of(new EnumType(QualifiedName.of("shop", "mood"), List.of("ok"), null)),
                List.of(new Sequence(QualifiedName.of("shop", "ids"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false,
                        null, null)),
                List.of(), List.of(), List.of(), List.of());

        ConvergeException refused = assertThrows(ConvergeException.class,
                () -> Planner.of(new MysqlDialect()).plan(EMPTY, desired, "shop"));

        assertEquals(ErrorKind.BAD_INPUT, refused.kind());
        assertEquals("refusing the plan: the mysql dialect cannot make 2 changes the desired state needs:\n"
                + "  create enum shop.mood (ok): MySQL has no enum types\n"
                + "  create sequence shop.ids: MySQL has no sequences\n"
                + "Nothing was changed. Leave what needs it out of the desired files, or make the change by hand"
                + " and ignore the object.", refused.getMessage());
    }

    @Test
    void whatMysqlCanExpressIsPlanned() {
        SchemaModel desired = new SchemaModel(DB, List.of(), List.of(),
                List.of(new Table(QualifiedName.of("shop", "t"), List.of(Column.of("id", "int", true)), List.of(), null)),
                List.of(), List.of(), List.of());
        Plan plan = Planner.of(new MysqlDialect()).plan(EMPTY, desired, "shop");
        assertEquals(1, plan.steps().size());
    }
}
