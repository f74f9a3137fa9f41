package dev.converge.dialect.postgres.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.dialect.postgres.inspect.CatalogRows.RoutineRow;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.RoutineKind;
import dev.converge.engine.model.Sequence;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.View;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What RoutineBodies reads from a body, and where it puts it (SQL: dependsOn; PL/pgSQL: bodyReads). */
class RoutineBodiesTest {
    private static final Table ORDERS = new Table(QualifiedName.of("app", "orders"), List.of(), List.of(), null);
    private static final Table AUDIT = new Table(QualifiedName.of("audit", "log"), List.of(), List.of(), null);
    private static final View TOTALS = new View(QualifiedName.of("public", "totals"), "SELECT 1", List.of(), List.of(),
            null, java.util.Map.of());
    private static final Sequence ORDER_NO = new Sequence(QualifiedName.of("app", "order_no"), "bigint", 1, 1, 1,
            Long.MAX_VALUE, 1, false, null, null);

    private static RoutineRow row(String name, String language, String searchPath, String body) {
        Routine routine = new Routine(QualifiedName.of("app", name), "", RoutineKind.FUNCTION, "", "bigint",
                "CREATE OR REPLACE FUNCTION app." + name + "()\n RETURNS bigint\n LANGUAGE " + language
                        + "\nAS $function$" + body + "$function$", List.of(), null);
        return new RoutineRow(routine, language, searchPath);
    }

    private static RoutineBodies bodies(RoutineRow... rows) {
        return new RoutineBodies(List.of(ORDERS, AUDIT), List.of(TOTALS), List.of(), List.of(ORDER_NO), List.of(rows));
    }

    @Test
    void aPlpgsqlBodyGivesBodyReadsResolvedInItsSearchPathAndNotDependencies() {
        RoutineRow helper = row("helper", "plpgsql", null, "BEGIN RETURN 1; END");
        RoutineRow f = row("f", "plpgsql", "app, audit",
                "\nDECLARE n bigint := nextval('app.order_no');\nBEGIN\n"
                        + "  INSERT INTO log SELECT * FROM orders; -- a comment naming totals\n"
                        + "  PERFORM helper();\n  RAISE NOTICE 'totals %', n;\n"
                        + "  RETURN (SELECT count(*) FROM public.totals);\nEND");
        Routine read = bodies(helper, f).withBodyReferences(f);
        assertEquals(List.of(), read.dependsOn());
        assertEquals(List.of(ORDERS.ref(), AUDIT.ref(), ORDER_NO.ref(), helper.routine().ref(), TOTALS.ref())
                        .stream().sorted().toList(), read.bodyReads());
    }

    @Test
    void anSqlBodyGivesDependenciesAndItsOwnNameIsLeftOut() {
        RoutineRow f = row("f", "sql", null, "SELECT count(*) FROM totals WHERE app.f() > 0");
        Routine read = bodies(f).withBodyReferences(f);
        assertEquals(List.of(TOTALS.ref()), read.dependsOn());
        assertEquals(List.of(), read.bodyReads());
    }

    /*
     * A body written as a string literal comes back from pg_get_functiondef with the delimiter right
     * against the last name ($function$SELECT ... FROM orders$function$): a $ may continue an
     * identifier, but not the one that starts the closing delimiter.
     */
    @Test
    void aNameRightBeforeTheClosingDollarQuoteIsRead() {
        RoutineRow f = row("f", "sql", "app", "SELECT count(*) FROM orders");
        assertEquals(List.of(ORDERS.ref()), bodies(f).withBodyReferences(f).dependsOn());
        // a $ inside a name still belongs to it
        assertEquals(List.of(List.of("select"), List.of("from"), List.of("order$no")),
                RoutineBodies.words("SELECT 1 FROM order$no").stream().map(RoutineBodies.Word::parts).toList());
    }

    @Test
    void aRegclassLiteralNamesARelationAndOtherLiteralsAndDynamicSqlDoNot() {
        RoutineRow f = row("f", "plpgsql", "app",
                "BEGIN PERFORM 'app.orders'::regclass; EXECUTE 'SELECT 1 FROM ' || 'totals'; RETURN 0; END");
        assertEquals(List.of(ORDERS.ref()), bodies(f).withBodyReferences(f).bodyReads());
    }

    @Test
    void otherLanguagesAreNotRead() {
        RoutineRow f = row("f", "plpython3u", null, "return plpy.execute('SELECT * FROM totals')");
        Routine read = bodies(f).withBodyReferences(f);
        assertEquals(List.of(), read.bodyReads());
        assertEquals(List.of(), read.dependsOn());
    }

    @Test
    void aQuotedDottedNameInALiteralKeepsItsCase() {
        assertEquals(List.of("Odd", "seq"), RoutineBodies.dottedName("\"Odd\".seq"));
        assertEquals(List.of("app", "order_no"), RoutineBodies.dottedName("APP.Order_No"));
    }
}
