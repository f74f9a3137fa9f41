package dev.converge.engine.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.diag.SourceSpan;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.LockLevel;
import dev.converge.engine.text.Durations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ProjectConfigReader reads converge.yaml strictly: unknown keys, wrong types, missing required
 * values, unknown {@code after} targets and promotion cycles are all reported, together, at their
 * file:line:col (exit 65), before any database is touched. schemas/converge.schema.json describes the
 * same shape for editors.
 */
public final class ProjectConfigReader {
    private static final Set<String> ROOT_KEYS = Set.of("dialect", "desired", "shadow", "dev_url", "schemas", "managed_roles",
            "ignore", "environments");
    private static final Set<String> ENV_KEYS = Set.of("url", "after", "policy", "tenants", "contract_gate");
    private static final Set<String> GATE_KEYS = Set.of("env", "flag_sql", "confirm");
    private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> POLICY_KEYS = Set.of("allow_hazards", "allow_destructive", "max_lock", "lock_timeout",
            "statement_timeout");
    private static final Set<String> TENANT_KEYS = Set.of("mode", "url", "schema", "template_schema", "list",
            "discover", "parallelism", "canary", "on_error", "failure_budget");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
    private static final int DEFAULT_PARALLELISM = 4;
    private static final int MAX_PARALLELISM = 64;

    private final List<Diagnostic> problems = new ArrayList<>();
    private YamlDocument doc;

    private ProjectConfigReader() {
    }

    /** Reads the file; a missing file is a usage error that says how to create one. */
    public static ProjectConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConvergeException(ErrorKind.USAGE, "no " + file + " found; create one (see docs/environments.md)"
                    + " or point --config at it");
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    /** Reads converge.yaml text; relative paths in it are resolved against the file's directory. */
    public static ProjectConfig parse(Path file, String text) {
        return new ProjectConfigReader().readDocument(file, text);
    }

    private ProjectConfig readDocument(Path file, String text) {
        doc = YamlDocument.parse(file.toString(), text);
        JsonNode root = doc.root();
        if (!root.isObject()) {
            fail("", "converge.yaml must be a mapping of keys (dialect, desired, environments)", null);
            throw new BadInputException(problems);
        }
        checkKeys(root, "", ROOT_KEYS);
        String dialect = optionalText(root, "", "dialect", "postgres");
        String desired = requiredText(root, "", "desired", "the directory of desired-state .sql files, e.g. desired: schema/");
        // Absent: the dialect's default (an embedded PostgreSQL; a workspace database on a MySQL target's server).
        String shadow = optionalText(root, "", "shadow", null);
        if (shadow != null && !Set.of("embedded", "server", "dev").contains(shadow)) {
            fail("/shadow", "shadow must be embedded, server or dev, not '" + shadow + "'", null);
        }
        ConfigValue devUrl = root.has("dev_url") ? value(root, "", "dev_url") : null;
        if ("dev".equals(shadow) && devUrl == null) {
            fail("/shadow", "shadow: dev needs dev_url: the empty database to normalize the desired state in", null);
        }
        List<String> schemas = textList(root, "", "schemas");
        List<String> managedRoles = textList(root, "", "managed_roles");
        List<String> ignore = textList(root, "", "ignore");
        Map<String, EnvironmentConfig> environments = environments(root);
        checkPromotion(environments);
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        Path base = file.toAbsolutePath().getParent();
        Path desiredDir = desired == null ? base : base.resolve(desired).normalize();
        return new ProjectConfig(file, dialect, desiredDir, shadow, devUrl, schemas, environments, managedRoles, ignore);
    }

    private Map<String, EnvironmentConfig> environments(JsonNode root) {
        Map<String, EnvironmentConfig> out = new LinkedHashMap<>();
        JsonNode envs = root.get("environments");
        if (envs == null || !envs.isObject() || envs.isEmpty()) {
            fail(envs == null ? "" : "/environments", "environments must map at least one environment name to its url",
                    "environments:\n    dev:\n      url: postgresql://localhost/app_dev");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = envs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String at = "/environments/" + YamlDocument.escape(entry.getKey());
            JsonNode env = entry.getValue();
            if (!env.isObject()) {
                fail(at, "environment '" + entry.getKey() + "' must be a mapping with at least a url", null);
                continue;
            }
            checkKeys(env, at, ENV_KEYS);
            ConfigValue url = env.has("url") ? value(env, at, "url") : null;
            String after = optionalText(env, at, "after", null);
            Policy policy = env.has("policy") ? policy(env.get("policy"), at + "/policy") : Policy.DEFAULT;
            TenantsConfig tenants = env.has("tenants") ? tenants(env.get("tenants"), at + "/tenants") : null;
            // Database-per-tenant with a static list: every target's URL comes from the tenant url template,
            // and no query runs anywhere else, so the environment needs no url of its own.
            boolean urlUnused = tenants != null && tenants.mode() == TenantsConfig.Mode.DATABASE
                    && !tenants.list().isEmpty();
            if (url == null && !urlUnused) {
                failKey(at, "environment '" + entry.getKey() + "' has no url",
                        "url: ${env:" + entry.getKey().toUpperCase(java.util.Locale.ROOT) + "_URL}");
            }
            ContractGateConfig gate = env.has("contract_gate") ? contractGate(env.get("contract_gate"), at + "/contract_gate")
                    : null;
            out.put(entry.getKey(), new EnvironmentConfig(entry.getKey(), url, after, policy, tenants, doc.keySpan(at),
                    gate));
        }
        return out;
    }

    private void checkPromotion(Map<String, EnvironmentConfig> environments) {
        for (EnvironmentConfig env : environments.values()) {
            if (env.after() != null && !environments.containsKey(env.after())) {
                fail("/environments/" + YamlDocument.escape(env.name()) + "/after", "environment '" + env.name()
                        + "' comes after '" + env.after() + "', which is not an environment here",
                        "known environments: " + String.join(", ", environments.keySet()));
            }
        }
        PromotionOrder.cycle(environments.values()).ifPresent(cycle -> fail("/environments/"
                + YamlDocument.escape(cycle.get(0)) + "/after", "the promotion order is a cycle: "
                + String.join(" -> after -> ", cycle), "one environment must come first (no after:)"));
    }

    private Policy policy(JsonNode node, String at) {
        if (!node.isObject()) {
            fail(at, "policy must be a mapping (allow_hazards, allow_destructive, max_lock, lock_timeout,"
                    + " statement_timeout)", null);
            return Policy.DEFAULT;
        }
        checkKeys(node, at, POLICY_KEYS);
        return new Policy(hazardCodes(node, at), bool(node, at, "allow_destructive", false), lockLevel(node, at),
                duration(node, at, "lock_timeout"), duration(node, at, "statement_timeout"));
    }

    /** contract_gate: at least one condition; env names a variable (its value is read only when contract runs). */
    private ContractGateConfig contractGate(JsonNode node, String at) {
        String hint = "contract_gate:\n      env: OLD_RELEASE_GONE        # and/or\n"
                + "      flag_sql: SELECT enabled FROM flags WHERE name = 'release_2'\n      confirm: true";
        if (!node.isObject()) {
            fail(at, "contract_gate must be a mapping of conditions (env, flag_sql, confirm)", hint);
            return null;
        }
        checkKeys(node, at, GATE_KEYS);
        String variable = optionalText(node, at, "env", null);
        if (variable != null && !VARIABLE.matcher(variable).matches()) {
            fail(at + "/env", "env must name an environment variable (letters, digits and _), not '" + variable + "'",
                    "env: OLD_RELEASE_GONE");
        }
        String flagSql = optionalText(node, at, "flag_sql", null);
        if (flagSql != null && flagSql.isBlank()) {
            fail(at + "/flag_sql", "flag_sql must be a query whose first value says whether the old release is gone",
                    null);
        }
        boolean confirm = bool(node, at, "confirm", false);
        if (variable == null && flagSql == null && !confirm) {
            fail(at, "contract_gate states no condition", hint);
        }
        return new ContractGateConfig(variable, flagSql, confirm);
    }

    /** allow_hazards: names of hazard codes, any case; an unknown one is reported with the known ones. */
    private List<String> hazardCodes(JsonNode node, String at) {
        List<String> codes = new ArrayList<>();
        List<String> written = textList(node, at, "allow_hazards");
        for (int i = 0; i < written.size(); i++) {
            String code = written.get(i).trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            try {
                codes.add(HazardCode.valueOf(code).name());
            } catch (IllegalArgumentException e) {
                fail(at + "/allow_hazards/" + i, "unknown hazard code '" + written.get(i) + "'",
                        "known codes: " + java.util.Arrays.stream(HazardCode.values()).map(Enum::name)
                                .collect(java.util.stream.Collectors.joining(", ")));
            }
        }
        return codes;
    }

    /** max_lock: a lock level ({@code SHARE_UPDATE_EXCLUSIVE} or {@code "SHARE UPDATE EXCLUSIVE"}). */
    private LockLevel lockLevel(JsonNode node, String at) {
        JsonNode v = node.get("max_lock");
        if (v == null || v.isNull()) {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
        try {
            return LockLevel.parse(v.asText());
        } catch (IllegalArgumentException e) {
            fail(at + "/max_lock", e.getMessage(), null);
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    private TenantsConfig tenants(JsonNode node, String at) {
        if (!node.isObject()) {
            fail(at, "tenants must be a mapping (mode, list or discover, ...)", null);
            return null;
        }
        checkKeys(node, at, TENANT_KEYS);
        String modeText = requiredText(node, at, "mode", "mode: schema (one schema per tenant) or mode: database");
        TenantsConfig.Mode mode = TenantsConfig.Mode.SCHEMA;
        if ("database".equals(modeText)) {
            mode = TenantsConfig.Mode.DATABASE;
        } else if (modeText != null && !"schema".equals(modeText)) {
            fail(at + "/mode", "tenant mode must be schema or database, not '" + modeText + "'", null);
        }
        ConfigValue url = node.has("url") ? value(node, at, "url") : null;
        String schema = optionalText(node, at, "schema", TenantsConfig.PLACEHOLDER);
        String template = optionalText(node, at, "template_schema", null);
        if (mode == TenantsConfig.Mode.DATABASE) {
            if (url == null || !url.raw().contains(TenantsConfig.PLACEHOLDER)) {
                fail(url == null ? at : at + "/url", "database-per-tenant needs a url template with {tenant} in it",
                        "url: postgresql://app@db:5432/tenant_{tenant}");
            }
        } else {
            if (!schema.contains(TenantsConfig.PLACEHOLDER)) {
                fail(at + "/schema", "the tenant schema template must contain {tenant}", "schema: tenant_{tenant}");
            }
            if (template == null) {
                failKey(at, "schema-per-tenant needs template_schema: the schema your desired files declare,"
                        + " which Converge maps to each tenant's schema", "template_schema: app");
            }
        }
        List<String> list = textList(node, at, "list");
        String discover = optionalText(node, at, "discover", null);
        if (list.isEmpty() == (discover == null)) {
            failKey(at, "tenants need exactly one of list (the tenant names) or discover (a query returning them)",
                    "discover: SELECT name FROM public.tenants WHERE active ORDER BY name");
        }
        int parallelism = integer(node, at, "parallelism", DEFAULT_PARALLELISM, 1, MAX_PARALLELISM);
        List<String> canary = textList(node, at, "canary");
        if (!list.isEmpty()) {
            canary.stream().filter(c -> !list.contains(c)).forEach(c -> fail(at + "/canary",
                    "canary tenant '" + c + "' is not in the tenant list", null));
        }
        String onErrorText = optionalText(node, at, "on_error", "stop");
        TenantsConfig.OnError onError = TenantsConfig.OnError.STOP;
        if ("continue".equals(onErrorText)) {
            onError = TenantsConfig.OnError.CONTINUE;
        } else if (!"stop".equals(onErrorText)) {
            fail(at + "/on_error", "on_error must be stop or continue, not '" + onErrorText + "'", null);
        }
        int budget = integer(node, at, "failure_budget", 0, 0, Integer.MAX_VALUE);
        return new TenantsConfig(mode, url, schema, template, list, discover, parallelism, canary, onError, budget);
    }

    private void checkKeys(JsonNode node, String at, Set<String> known) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                failKey(at + "/" + YamlDocument.escape(key), "unknown key '" + key + "'",
                        "expected one of: " + String.join(", ", known.stream().sorted().toList()));
            }
        });
    }

    private ConfigValue value(JsonNode node, String at, String key) {
        JsonNode v = node.get(key);
        String pointer = at + "/" + key;
        if (!v.isTextual()) {
            fail(pointer, key + " must be a string", null);
            return new ConfigValue(v.asText(), doc.valueSpan(pointer));
        }
        return new ConfigValue(v.asText(), doc.valueSpan(pointer));
    }

    private String requiredText(JsonNode node, String at, String key, String hint) {
        if (!node.has(key) || node.get(key).isNull()) {
            failKey(at.isEmpty() ? "" : at, "missing required key '" + key + "'", hint);
            return null;
        }
        return optionalText(node, at, key, null);
    }

    private String optionalText(JsonNode node, String at, String key, String fallback) {
        return scalar(node, at, key, fallback, JsonNode::isTextual, "a string", JsonNode::asText);
    }

    private List<String> textList(JsonNode node, String at, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return new ArrayList<>();
        }
        if (!v.isArray()) {
            fail(at + "/" + key, key + " must be a list, e.g. " + key + ": [a, b]", null);
            return new ArrayList<>();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual() && !v.get(i).isNumber()) {
                fail(at + "/" + key + "/" + i, key + " items must be strings", null);
            } else {
                out.add(v.get(i).asText());
            }
        }
        return out;
    }

    private boolean bool(JsonNode node, String at, String key, boolean fallback) {
        return scalar(node, at, key, fallback, JsonNode::isBoolean, "true or false", JsonNode::asBoolean);
    }

    private int integer(JsonNode node, String at, String key, int fallback, int min, int max) {
        return scalar(node, at, key, fallback,
                v -> v.canConvertToInt() && v.isIntegralNumber() && v.asInt() >= min && v.asInt() <= max,
                "a whole number from " + min + " to " + max, JsonNode::asInt);
    }

    /**
     * The value of {@code key}: {@code fallback} when it is absent or null, and when it is not
     * {@code mustBe} (which is then reported at its file:line:col, and reading goes on to find the rest).
     */
    private <T> T scalar(JsonNode node, String at, String key, T fallback, Predicate<JsonNode> fits, String mustBe,
                         Function<JsonNode, T> read) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!fits.test(v)) {
            fail(at + "/" + key, key + " must be " + mustBe, null);
            return fallback;
        }
        return read.apply(v);
    }

    private Duration duration(JsonNode node, String at, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        Matcher m = DURATION.matcher(v.asText().trim());
        if (!m.matches()) {
            fail(at + "/" + key, key + " must be a duration such as 500ms, 5s, 2m or 1h", null);
            return null;
        }
        return Durations.of(Long.parseLong(m.group(1)), m.group(2), ChronoUnit.MILLIS);
    }

    private void fail(String pointer, String message, String hint) {
        problems.add(doc.diagnostic(doc.valueSpan(pointer), message, hint));
    }

    private void failKey(String pointer, String message, String hint) {
        SourceSpan span = doc.keySpan(pointer);
        problems.add(doc.diagnostic(span, message, hint));
    }
}
