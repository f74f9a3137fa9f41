package dev.converge.engine.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.change.Action;
import dev.converge.engine.change.AddForeignKey;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.NamedSchema;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanMarkdownRenderer;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.DataCheck;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.LockLevel;
import dev.converge.engine.safety.SafetyClass;
import dev.converge.engine.safety.SafetyPolicy;
import dev.converge.engine.safety.StepSafety;
import dev.converge.engine.safety.TableImpact;
import dev.converge.engine.safety.TableLock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;

/**
 * Every lint rule against a desired state and a plan built by hand (no database), with golden files
 * for the SARIF and text reports and for the Markdown plan with live facts.
 */
class LinterTest {
    static final QualifiedName ORDERS = QualifiedName.of("public", "orders");
    static final QualifiedName CUSTOMERS = QualifiedName.of("public", "customers");

    static SchemaModel desired() {
        Table orders = new Table(ORDERS, List.of(Column.of("id", "bigint", true),
                new Column("no", "integer", true, "nextval('public.orders_no_seq'::regclass)", Identity.NONE, null, null,
                        null, null, List.of()),
                Column.of("customer_id", "bigint", false), Column.of("email", "text", false),
                Column.of("placed_at", "timestamp without time zone", false)),
                List.of(new TableConstraint("orders_pkey", ConstraintKind.PRIMARY_KEY, "PRIMARY KEY (id)", List.of("id"), null),
                        new TableConstraint("orders_email_key", ConstraintKind.UNIQUE, "UNIQUE (email)", List.of("email"),
                                null)), null);
        Table customers = new Table(CUSTOMERS, List.of(Column.of("id", "bigint", true)), List.of(), null);
        ForeignKey fk = new ForeignKey(ORDERS, "orders_customer_fk", List.of("customer_id"), CUSTOMERS, List.of("id"),
                "FOREIGN KEY (customer_id) REFERENCES public.customers(id)", null);
        Index covered = new Index(QualifiedName.of("public", "orders_no"), ORDERS, false, "btree", List.of("no DESC"),
                List.of(), null, "CREATE INDEX orders_no ON public.orders USING btree (no DESC)", null);
        return new SchemaModel(List.of(new NamedSchema("public", null)), List.of(), List.of(), List.of(orders, customers),
                List.of(covered), List.of(fk), List.of());
    }

    static Plan plan() {
        ForeignKey fk = desired().foreignKeys().get(0);
        PlanStep addFk = new PlanStep(1, "add-foreign-key:public.orders.orders_customer_fk", Action.CREATE, false,
                fk.ref(), "add foreign key orders_customer_fk on public.orders",
                List.of(DdlStatement.inTransaction("ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_customer_fk\""
                        + " FOREIGN KEY (customer_id) REFERENCES public.customers(id)")),
                EnumSet.of(SafetyClass.ADDITIVE, SafetyClass.LOCKING),
                List.of(new Hazard(HazardCode.FULL_TABLE_SCAN, "scans all of public.orders"),
                        new Hazard(HazardCode.BLOCKS_WRITES, "holds SHARE ROW EXCLUSIVE on public.orders and public.customers"),
                        new Hazard(HazardCode.DATA_DEPENDENT, "fails on orphans")),
                new AddForeignKey(fk), List.of(), null, new StepSafety(
                        List.of(new TableLock(ORDERS, LockLevel.SHARE_ROW_EXCLUSIVE),
                                new TableLock(CUSTOMERS, LockLevel.SHARE_ROW_EXCLUSIVE)),
                        List.of(new TableImpact(ORDERS, "scans", 12_400_000, 3_328_599_654L)),
                        List.of(DataCheck.failed("every public.orders (customer_id) exists in public.customers", 1204,
                                "SELECT * FROM \"public\".\"orders\" AS child WHERE child.\"customer_id\" IS NOT NULL"
                                        + " AND NOT EXISTS (SELECT 1 FROM \"public\".\"customers\" AS parent"
                                        + " WHERE parent.\"id\" = child.\"customer_id\")", "77",
                                "sampled about 1,000,000 of ~12,400,000 rows"))));
        Column before = Column.of("legacy", "text", false);
        PlanStep drop = new PlanStep(2, "drop-column:public.orders.legacy", Action.DROP, false,
                dev.converge.engine.model.ObjectRef.member(dev.converge.engine.model.ObjectKind.COLUMN, ORDERS, "legacy"),
                "drop column public.orders.legacy",
                List.of(DdlStatement.inTransaction("ALTER TABLE \"public\".\"orders\" DROP COLUMN \"legacy\"")),
                EnumSet.of(SafetyClass.DESTRUCTIVE, SafetyClass.LOCKING),
                List.of(new Hazard(HazardCode.DATA_LOSS, "drops column public.orders.legacy and its values"),
                        new Hazard(HazardCode.ACCESS_EXCLUSIVE_LOCK, "takes a brief ACCESS EXCLUSIVE lock on public.orders")),
                new DropColumn(ORDERS, before), List.of(), null, StepSafety.of(List.of(new TableLock(ORDERS,
                        LockLevel.ACCESS_EXCLUSIVE))));
        PlanStep notNull = new PlanStep(3, "alter-column:public.customers.id", Action.ALTER, false,
                dev.converge.engine.model.ObjectRef.member(dev.converge.engine.model.ObjectKind.COLUMN, CUSTOMERS, "id"),
                "alter column public.customers.id: set NOT NULL",
                List.of(DdlStatement.inTransaction("ALTER TABLE \"public\".\"customers\" ADD CONSTRAINT \"id_not_null\""
                                + " CHECK (\"id\" IS NOT NULL) NOT VALID"),
                        DdlStatement.outsideTransaction("ALTER TABLE \"public\".\"customers\" VALIDATE CONSTRAINT"
                                + " \"id_not_null\"", "ALTER TABLE \"public\".\"customers\" DROP CONSTRAINT IF EXISTS \"id_not_null\"")),
                EnumSet.of(SafetyClass.LOCKING), List.of(new Hazard(HazardCode.FULL_TABLE_SCAN, "scans public.customers")),
                new AlterColumn(CUSTOMERS, Column.of("id", "bigint", false), Column.of("id", "bigint", true),
                        EnumSet.of(ColumnChangeKind.NOT_NULL)), List.of(), null, new StepSafety(
                        List.of(new TableLock(CUSTOMERS, LockLevel.ACCESS_EXCLUSIVE)),
                        List.of(new TableImpact(CUSTOMERS, "scans", -1, 8192)),
                        List.of(DataCheck.passed("public.customers.id has no NULLs", null))));
        return new Plan(Plan.FORMAT_VERSION, "postgres", "postgresql://app@db:5432/shop", "0".repeat(64), "1".repeat(64),
                List.of(addFk, drop, notNull), List.of());
    }

    @Test
    void eachRuleFindsWhatItLooksFor() {
        List<Finding> findings = new Linter(LintConfig.DEFAULT).lint(desired(), plan());
        Set<String> rules = findings.stream().map(Finding::ruleId).collect(Collectors.toSet());
        assertEquals(Set.of("no-primary-key", "fk-without-index", "nullable-unique-column", "serial-column",
                "timestamp-without-time-zone", "validate-large-table", "data-check-fails", "hazard-full-table-scan",
                "hazard-blocks-writes", "hazard-data-dependent", "hazard-data-loss", "hazard-access-exclusive-lock"), rules);
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("no-primary-key")
                && f.object().equals("public.customers")), findings.toString());
        assertTrue(findings.stream().noneMatch(f -> f.ruleId().equals("no-primary-key")
                && f.object().equals("public.orders")), "orders has a primary key");
    }

    @Test
    void rulesCanBeTurnedOffOrReclassified() {
        LintConfig config = new LintConfig(Map.of("no-primary-key", Severity.OFF, "serial-column", Severity.ERROR), 1_000_000);
        List<Finding> findings = new Linter(config).lint(desired(), plan());
        assertTrue(findings.stream().noneMatch(f -> f.ruleId().equals("no-primary-key")));
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("serial-column") && f.severity() == Severity.ERROR));
    }

    @Test
    void aForeignKeyCoveredByAnIndexIsNotReported() {
        SchemaModel d = desired();
        Index byCustomer = new Index(QualifiedName.of("public", "orders_customer"), ORDERS, false, "btree",
                List.of("customer_id", "id"), List.of(), null, "CREATE INDEX ...", null);
        SchemaModel covered = new SchemaModel(d.schemas(), d.enums(), d.sequences(), d.tables(),
                List.of(d.indexes().get(0), byCustomer), d.foreignKeys(), d.views());
        assertTrue(new Linter(LintConfig.DEFAULT).lint(covered, plan()).stream()
                .noneMatch(f -> f.ruleId().equals("fk-without-index")));
    }

    @Test
    void sarifReport() {
        List<Finding> findings = new Linter(LintConfig.DEFAULT).lint(desired(), plan());
        Approvals.verify(LintReports.sarif(findings, LintConfig.DEFAULT), options(".sarif.json"));
    }

    /** Issue 14, item 14: a code-scanning tool can place every result, a dropped object's too. */
    @Test
    void everySarifResultHasAPhysicalLocation() throws Exception {
        List<Finding> findings = new Linter(LintConfig.DEFAULT).lint(desired(), plan());
        var results = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(LintReports.sarif(findings, LintConfig.DEFAULT, "schema")).at("/runs/0/results");
        org.junit.jupiter.api.Assertions.assertTrue(results.size() > 0);
        boolean fellBack = false;
        for (var result : results) {
            var uri = result.at("/locations/0/physicalLocation/artifactLocation/uri");
            org.junit.jupiter.api.Assertions.assertFalse(uri.isMissingNode(), result.toString());
            fellBack |= uri.asText().equals("schema");
        }
        org.junit.jupiter.api.Assertions.assertTrue(fellBack, "a dropped object points at the desired root");
    }

    @Test
    void textReport() {
        Approvals.verify(LintReports.text(new Linter(LintConfig.DEFAULT).lint(desired(), plan())), options(".txt"));
    }

    @Test
    void markdownPlanWithLiveFacts() {
        Approvals.verify(new PlanMarkdownRenderer().render(plan(), SafetyPolicy.DEFAULT), options(".md"));
    }

    private static Options options(String extension) {
        return new Options().withReporter(new QuietReporter()).forFile().withExtension(extension);
    }
}
