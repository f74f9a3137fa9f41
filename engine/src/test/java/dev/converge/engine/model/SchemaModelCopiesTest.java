package dev.converge.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every copy method of SchemaModel keeps the lists it does not replace: a copy method written
 * with an older constructor silently dropped the privileges and collations once.
 */
class SchemaModelCopiesTest {
    private static final QualifiedName T = QualifiedName.of("app", "t");
    private static final SchemaModel MODEL = SchemaModel.EMPTY.withPrivilegesAndCollations(
            List.of(new Privilege(ObjectRef.of(ObjectKind.TABLE, T), "reader", "SELECT", false)),
            List.of(new Collation(QualifiedName.of("app", "bytes"), "libc", null, "C", "C", true, null, null)));

    @Test
    void everyCopyKeepsPrivilegesAndCollations() {
        List<UnaryOperator<SchemaModel>> copies = List.of(
                m -> m.withCore(m.schemas(), m.enums(), m.sequences(), m.tables(), m.indexes(), m.foreignKeys(),
                        m.views()),
                m -> m.withTables(List.of()),
                m -> m.withTriggers(List.of()),
                SchemaModel::withoutUnmanaged);
        for (UnaryOperator<SchemaModel> copy : copies) {
            SchemaModel copied = copy.apply(MODEL);
            assertEquals(MODEL.privileges(), copied.privileges());
            assertEquals(MODEL.collations(), copied.collations());
        }
    }
}
