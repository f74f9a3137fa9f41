package dev.converge.engine.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.diag.SourceSpan;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.source.RenameAnnotation;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.source.SqlStatement;
import dev.converge.engine.text.AnsiLexer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the files say beyond their SQL follows the template schema onto a tenant's schema: where each
 * object is declared, renames, ignores (annotations and patterns qualified with the template) and
 * allowances; names in other schemas and unqualified patterns stay as they are.
 */
class SourceMappingTest {
    private static final QualifiedName ORDERS = QualifiedName.of("app", "orders");
    private static final QualifiedName TENANT_ORDERS = QualifiedName.of("t_acme", "orders");

    @Test
    void annotationsAndLocationsMoveToTheTenantsSchema() {
        SourceSpan span = new SourceSpan("schema/app.sql", 3, 1);
        SourceModel source = new SourceModel(List.<SqlStatement>of(),
                Map.of(ObjectRef.of(ObjectKind.TABLE, ORDERS), span,
                        ObjectRef.of(ObjectKind.TABLE, QualifiedName.of("public", "shared")), span),
                List.of(new RenameAnnotation(ObjectRef.member(ObjectKind.COLUMN, ORDERS, "total"), "amount",
                        "schema/app.sql:5")),
                Set.of(ObjectRef.of(ObjectKind.VIEW, QualifiedName.of("app", "legacy"))),
                List.of("app.tmp_*", "audit_*"),
                Map.of(ObjectRef.of(ObjectKind.TABLE, ORDERS), Set.of(HazardCode.TABLE_REWRITE)));

        SourceModel mapped = new SchemaMapping("app", "t_acme", new AnsiLexer()).apply(source);

        assertEquals("schema/app.sql:3", mapped.describe(ObjectRef.member(ObjectKind.COLUMN, TENANT_ORDERS, "total")));
        assertEquals("schema/app.sql:3", mapped.describe(ObjectRef.of(ObjectKind.TABLE,
                QualifiedName.of("public", "shared"))), "another schema keeps its names");
        assertEquals(ObjectRef.member(ObjectKind.COLUMN, TENANT_ORDERS, "total"), mapped.renames().get(0).object());
        assertEquals("amount", mapped.renames().get(0).oldName());
        assertTrue(mapped.isIgnored(ObjectRef.of(ObjectKind.VIEW, QualifiedName.of("t_acme", "legacy"))));
        assertTrue(mapped.isIgnored(ObjectRef.of(ObjectKind.TABLE, QualifiedName.of("t_acme", "tmp_1"))));
        assertTrue(mapped.isIgnored(ObjectRef.of(ObjectKind.TABLE, QualifiedName.of("t_acme", "audit_log"))));
        assertFalse(mapped.isIgnored(ObjectRef.of(ObjectKind.TABLE, QualifiedName.of("app", "tmp_1"))),
                "the template's own schema is not the tenant's");
        assertEquals(Map.of("t_acme.orders", Set.of(HazardCode.TABLE_REWRITE)), mapped.allowancesByName());
    }
}
