package dev.converge.engine.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.safety.LockLevel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectConfigReaderTest {
    private static final Path FILE = Path.of("/project/converge.yaml");

    static final String FULL = """
            dialect: postgres
            desired: schema/
            shadow: server
            schemas: [app]
            environments:
              dev:
                url: postgresql://localhost/app_dev
              staging:
                url: ${env:STAGING_URL}
                after: dev
                tenants:
                  mode: database
                  url: postgresql://app@db-${env:REGION}/tenant_{tenant}
                  list: [eu, us]
                  canary: [eu]
              prod:
                url: ${env:PROD_URL}
                after: staging
                policy:
                  allow_hazards: [table-rewrite]
                  allow_destructive: false
                  max_lock: share update exclusive
                  lock_timeout: 5s
                  statement_timeout: 2m
                tenants:
                  mode: schema
                  schema: tenant_{tenant}
                  template_schema: app
                  discover: SELECT name FROM public.tenants WHERE active
                  parallelism: 8
                  canary: [acme]
                  on_error: continue
                  failure_budget: 3
            """;

    @Test
    void ignorePatternsAndTheDialectsDefaultShadow() {
        ProjectConfig config = ProjectConfigReader.parse(FILE, """
                dialect: mysql
                desired: schema
                ignore: [audit_*, app.tmp_*]
                environments:
                  dev:
                    url: jdbc:mysql://localhost/app_dev
                """);
        assertEquals(List.of("audit_*", "app.tmp_*"), config.ignore());
        assertEquals(null, config.shadow(), "absent: the dialect chooses");
        assertEquals(List.of(), ProjectConfigReader.parse(FILE, FULL).ignore());
    }

    @Test
    void readsEveryKey() {
        ProjectConfig config = ProjectConfigReader.parse(FILE, FULL);
        assertEquals("postgres", config.dialect());
        assertEquals(Path.of("/project/schema"), config.desired());
        assertEquals("server", config.shadow());
        assertEquals(List.of("app"), config.schemas());
        assertEquals(List.of("dev", "staging", "prod"), List.copyOf(config.environments().keySet()));
        EnvironmentConfig prod = config.environment("prod");
        assertEquals("staging", prod.after());
        assertEquals("${env:PROD_URL}", prod.url().raw());
        assertEquals("/project/converge.yaml:17:10", prod.url().span().toString());
        assertEquals(new Policy(List.of("TABLE_REWRITE"), false, LockLevel.SHARE_UPDATE_EXCLUSIVE, Duration.ofSeconds(5),
                Duration.ofMinutes(2)),
                prod.policy());
        TenantsConfig t = prod.tenants();
        assertEquals(TenantsConfig.Mode.SCHEMA, t.mode());
        assertEquals("tenant_acme", t.schemaOf("acme"));
        assertEquals("app", t.templateSchema());
        assertEquals(8, t.parallelism());
        assertEquals(List.of("acme"), t.canary());
        assertEquals(TenantsConfig.OnError.CONTINUE, t.onError());
        assertEquals(3, t.failureBudget());
        assertEquals(TenantsConfig.Mode.DATABASE, config.environment("staging").tenants().mode());
        assertFalse(config.environment("dev").hasTenants());
        assertEquals(List.of("dev", "staging", "prod"),
                config.promotionOrder().stream().map(EnvironmentConfig::name).toList());
    }

    @Test
    void everyProblemIsReportedAtItsLineAndColumn() {
        BadInputException e = assertThrows(BadInputException.class, () -> ProjectConfigReader.parse(FILE, """
                desired: schema
                colour: blue
                environments:
                  dev:
                    url: postgresql://localhost/dev
                    after: qa
                  prod:
                    url: postgresql://localhost/prod
                    tenants:
                      mode: schema
                      schema: tenants
                      list: [a]
                      parallelism: 0
                      on_error: explode
                """));
        assertEquals(ErrorKind.BAD_INPUT, e.kind());
        List<String> where = where(e);
        assertEquals(List.of(
                "2:1 unknown key 'colour'",
                "6:12 environment 'dev' comes after 'qa', which is not an environment here",
                "9:5 schema-per-tenant needs template_schema: the schema your desired files declare, which Converge"
                        + " maps to each tenant's schema",
                "11:15 the tenant schema template must contain {tenant}",
                "13:20 parallelism must be a whole number from 1 to 64",
                "14:17 on_error must be stop or continue, not 'explode'"), where);
        assertTrue(e.render().contains("  colour: blue\n  ^\n"), e.render());
    }

    @Test
    void unknownHazardCodesAndLockLevelsAreReportedWithTheKnownOnes() {
        BadInputException e = assertThrows(BadInputException.class, () -> ProjectConfigReader.parse(FILE, """
                desired: schema
                environments:
                  prod:
                    url: postgresql://localhost/prod
                    policy:
                      allow_hazards: [DATA_LOSS, rewrites]
                      max_lock: table
                """));
        List<String> where = where(e);
        assertEquals(List.of("6:34 unknown hazard code 'rewrites'",
                "7:17 unknown lock level 'table'; expected one of NONE, ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE,"
                        + " SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE"), where);
        assertTrue(e.render().contains("known codes: DATA_LOSS"), e.render());
    }

    @Test
    void aContractGateStatesItsConditionsAndABadOneIsReportedWhereItIs() {
        ProjectConfig config = ProjectConfigReader.parse(FILE, """
                desired: schema
                environments:
                  staging:
                    url: postgresql://localhost/staging
                  prod:
                    url: postgresql://localhost/prod
                    contract_gate:
                      env: OLD_RELEASE_GONE
                      flag_sql: SELECT enabled FROM flags WHERE name = 'release_2'
                      confirm: true
                """);
        assertEquals(new ContractGateConfig("OLD_RELEASE_GONE", "SELECT enabled FROM flags WHERE name = 'release_2'", true),
                config.environment("prod").contractGate());
        assertEquals(null, config.environment("staging").contractGate(), "the command line's gate");

        BadInputException e = assertThrows(BadInputException.class, () -> ProjectConfigReader.parse(FILE, """
                desired: schema
                environments:
                  prod:
                    url: postgresql://localhost/prod
                    contract_gate:
                      env: old release gone
                      when: later
                  qa:
                    url: postgresql://localhost/qa
                    contract_gate: {}
                """));
        List<String> where = where(e);
        assertTrue(where.contains("6:12 env must name an environment variable (letters, digits and _), not 'old release gone'"),
                where.toString());
        assertTrue(where.stream().anyMatch(w -> w.startsWith("7:7 unknown key 'when'")), where.toString());
        assertTrue(where.stream().anyMatch(w -> w.startsWith("10:20 contract_gate states no condition")), where.toString());
    }

    @Test
    void theEnvironmentsPolicyBecomesTheSafetyPolicyOfItsApplies() {
        Policy policy = new Policy(List.of("TABLE_REWRITE"), false, LockLevel.SHARE, null, null);
        var safety = policy.safety(false);
        assertEquals(java.util.Set.of(dev.converge.engine.safety.HazardCode.TABLE_REWRITE), safety.allowed());
        assertEquals(LockLevel.SHARE, safety.maxLock());
        assertFalse(safety.allowDestructive());
        assertTrue(policy.safety(true).allowDestructive(), "--allow-destructive adds to the environment's policy");
    }

    @Test
    void aPromotionCycleIsAnError() {
        BadInputException e = assertThrows(BadInputException.class, () -> ProjectConfigReader.parse(FILE, """
                desired: schema
                environments:
                  a:
                    url: postgresql://localhost/a
                    after: c
                  b:
                    url: postgresql://localhost/b
                    after: a
                  c:
                    url: postgresql://localhost/c
                    after: b
                """));
        assertEquals(1, e.diagnostics().size(), e.render());
        assertEquals("the promotion order is a cycle: a -> after -> c -> after -> b -> after -> a",
                e.diagnostics().get(0).message());
        assertEquals(5, e.diagnostics().get(0).span().line());
    }

    @Test
    void brokenYamlIsReportedWhereTheParserStopped() {
        BadInputException e = assertThrows(BadInputException.class, () -> ProjectConfigReader.parse(FILE,
                "desired: schema\nenvironments:\n  dev: [unclosed\n"));
        assertTrue(e.diagnostics().get(0).message().startsWith("not valid YAML"), e.render());
        assertTrue(e.diagnostics().get(0).span().line() >= 3, e.render());
    }

    @Test
    void environmentVariablesAreResolvedOnlyWhenUsedAndNeverPrinted() {
        ProjectConfig config = ProjectConfigReader.parse(FILE, FULL);
        ConfigValue url = config.environment("prod").url();
        Map<String, String> env = Map.of("PROD_URL", "postgresql://app:s3cret@db/prod");
        assertEquals("postgresql://app:s3cret@db/prod", Interpolation.resolve(url, env::get));
        ConvergeException unset = assertThrows(ConvergeException.class, () -> Interpolation.resolve(url, n -> null));
        assertEquals(ErrorKind.USAGE, unset.kind());
        assertEquals("/project/converge.yaml:17:10: environment variable PROD_URL is not set; converge.yaml takes"
                + " this value from it (export PROD_URL=...)", unset.getMessage());
        ConfigValue template = config.environment("staging").tenants().urlTemplate();
        assertEquals("postgresql://app@db-eu1/tenant_{tenant}",
                Interpolation.resolve(template, Map.of("REGION", "eu1")::get));
        ConvergeException malformed = assertThrows(ConvergeException.class, () -> Interpolation.resolve(
                new ConfigValue("postgresql://${PROD_URL}", url.span()), n -> "x"));
        assertTrue(malformed.getMessage().contains("'${PROD_URL}' is not a variable reference"),
                malformed.getMessage());
    }

    @Test
    void missingFileSaysHowToCreateOne() {
        ConvergeException e = assertThrows(ConvergeException.class,
                () -> ProjectConfigReader.read(Path.of("/nonexistent/converge.yaml")));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("docs/environments.md"), e.getMessage());
        assertNull(ProjectConfigReader.parse(FILE, FULL).devUrl());
    }

    /** Each problem as line:column and message, in the order reported. */
    private static List<String> where(BadInputException e) {
        return e.diagnostics().stream().map(d -> d.span().line() + ":" + d.span().column() + " " + d.message()).toList();
    }
}
