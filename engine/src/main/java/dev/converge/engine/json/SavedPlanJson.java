package dev.converge.engine.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.engine.change.Action;
import dev.converge.engine.change.Change;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.StatementLimits;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.SavedPlan;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.SafetyClass;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SavedPlanJson writes and reads plan files ({@code converge plan --out plan.json}). A plan file is the
 * JSON plan of {@link PlanJson} with what an apply needs besides: each step's statements with their
 * transactional flag, its inverse statements and its typed change, the schemas before and after, and
 * an integrity hash over all of it, so that a file edited after review is refused rather than run.
 *
 * <p>The integrity hash is SHA-256 of the file's content without the hash itself, in compact form with
 * keys sorted: it
 * detects edits, not forgery (anyone can recompute it); keep plan files where reviewers put them.
 */
public final class SavedPlanJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Keys sorted: the hash must not depend on key order, which jsonb (where the history keeps plans) changes. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();
    private static final String CHANGE_PACKAGE = Change.class.getPackageName() + ".";

    private SavedPlanJson() {
    }

    public static String write(SavedPlan saved) {
        return JsonText.indented(tree(saved), "the plan file");
    }

    /** One-line form, as the target's history keeps it (the plan --resume falls back on). */
    public static String writeCompact(SavedPlan saved) {
        return JsonText.oneLine(tree(saved), "the plan file");
    }

    public static ObjectNode tree(SavedPlan saved) {
        ObjectNode root = PlanJson.tree(saved.plan());
        ArrayNode steps = (ArrayNode) root.get("steps");
        for (int i = 0; i < steps.size(); i++) {
            PlanStep step = saved.plan().steps().get(i);
            ObjectNode node = (ObjectNode) steps.get(i);
            node.put("transactional", step.isTransactional());
            node.put("reversible", step.isReversible());
            node.set("statements", statements(step.statements()));
            node.set("inverse", statements(step.inverse()));
            node.set("change", MAPPER.valueToTree(step.change()));
        }
        ArrayNode schemas = root.putArray("schemas");
        saved.schemas().forEach(schemas::add);
        root.put("desiredHash", saved.desiredHash());
        root.put("gitCommit", saved.gitCommit());
        root.set("current", MAPPER.valueToTree(saved.current()));
        root.set("desired", MAPPER.valueToTree(saved.desired()));
        root.put("integrity", integrity(root));
        return root;
    }

    /**
     * Reads a plan file; {@code source} names it in messages. A file that is not a plan is a USAGE
     * error; one whose content no longer matches its integrity hash is REFUSED.
     */
    public static SavedPlan read(String text, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw notAPlan(source, "it is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject() || !root.has("integrity") || !root.has("current")) {
            throw notAPlan(source, "it has no integrity hash or no schemas: write plan files with 'converge plan --out FILE'");
        }
        if (root.path("formatVersion").asInt() != Plan.FORMAT_VERSION) {
            throw notAPlan(source, "its format version " + root.path("formatVersion") + " is not "
                    + Plan.FORMAT_VERSION + ": re-plan with this version of converge");
        }
        String recorded = root.get("integrity").asText();
        ObjectNode content = ((ObjectNode) root).deepCopy();
        content.remove("integrity");
        String actual = integrity(content);
        if (!actual.equals(recorded)) {
            throw new ConvergeException(ErrorKind.REFUSED, "refusing " + source + ": the plan file was changed after it"
                    + " was written (its integrity hash does not match its content).\nWhat was reviewed is not what"
                    + " would run. Nothing was changed. Make a new plan with 'converge plan --out FILE'.");
        }
        try {
            return savedPlan(root);
        } catch (JsonProcessingException | RuntimeException e) {
            throw notAPlan(source, "it cannot be read as a plan (" + e.getMessage() + ")");
        }
    }

    /** The schemas a stored plan manages, read without reading the whole plan; empty when unreadable. */
    public static List<String> schemas(String text) {
        List<String> schemas = new ArrayList<>();
        try {
            MAPPER.readTree(text).path("schemas").forEach(n -> schemas.add(n.asText()));
        } catch (JsonProcessingException e) {
            return List.of();
        }
        return schemas;
    }

    private static SavedPlan savedPlan(JsonNode root) throws JsonProcessingException {
        List<PlanStep> steps = new ArrayList<>();
        for (JsonNode node : root.get("steps")) {
            steps.add(step(node));
        }
        List<String> notes = new ArrayList<>();
        root.path("notes").forEach(n -> notes.add(n.asText()));
        Plan plan = new Plan(root.get("formatVersion").asInt(), root.get("dialect").asText(), root.get("target").asText(),
                root.get("currentFingerprint").asText(), root.get("desiredFingerprint").asText(), steps, notes);
        List<String> schemas = new ArrayList<>();
        root.path("schemas").forEach(n -> schemas.add(n.asText()));
        return new SavedPlan(plan, schemas, MAPPER.treeToValue(root.get("current"), SchemaModel.class),
                MAPPER.treeToValue(root.get("desired"), SchemaModel.class), root.get("desiredHash").asText(),
                root.path("gitCommit").isTextual() ? root.get("gitCommit").asText() : null);
    }

    private static PlanStep step(JsonNode node) throws JsonProcessingException {
        Change change = MAPPER.treeToValue(node.get("change"), changeClass(node.get("kind").asText()));
        Set<SafetyClass> classes = EnumSet.noneOf(SafetyClass.class);
        node.path("classes").forEach(c -> classes.add(SafetyClass.valueOf(c.asText().toUpperCase(Locale.ROOT))));
        List<Hazard> hazards = new ArrayList<>();
        node.path("hazards").forEach(h -> hazards.add(new Hazard(HazardCode.valueOf(h.get("code").asText()),
                h.get("message").asText())));
        Action action = Action.valueOf(node.get("action").asText().toUpperCase(Locale.ROOT));
        return new PlanStep(node.get("number").asInt(), node.get("id").asText(), action,
                "-/+".equals(node.path("symbol").asText()), change.target(), node.get("description").asText(),
                statements(node.get("statements")), classes, hazards, change, statements(node.get("inverse")),
                node.path("source").isTextual() ? node.get("source").asText() : null, StepSafetyJson.read(node));
    }

    private static Class<? extends Change> changeClass(String kind) {
        if (!kind.matches("[A-Z][A-Za-z]*")) {
            throw new IllegalArgumentException("unknown change kind " + kind);
        }
        try {
            return Class.forName(CHANGE_PACKAGE + kind).asSubclass(Change.class);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("unknown change kind " + kind, e);
        }
    }

    /** The statement's own timeouts, or null in a plan file written before statements carried them. */
    private static StatementLimits limits(JsonNode statement) {
        if (!statement.path("lockTimeoutMillis").isNumber()) {
            return null;
        }
        return new StatementLimits(Duration.ofMillis(statement.get("lockTimeoutMillis").asLong()),
                Duration.ofMillis(statement.path("statementTimeoutMillis").asLong()));
    }

    private static ArrayNode statements(List<DdlStatement> statements) {
        ArrayNode array = MAPPER.createArrayNode();
        statements.forEach(s -> {
            ObjectNode statement = array.addObject().put("sql", s.sql()).put("transactional", s.transactional());
            if (s.cleanup() != null) {
                statement.put("cleanup", s.cleanup());
            }
            if (s.limits() != null) {
                statement.put("lockTimeoutMillis", s.limits().lockTimeout().toMillis())
                        .put("statementTimeoutMillis", s.limits().statementTimeout().toMillis());
            }
        });
        return array;
    }

    private static List<DdlStatement> statements(JsonNode array) {
        List<DdlStatement> statements = new ArrayList<>();
        if (array != null) {
            array.forEach(s -> statements.add(new DdlStatement(s.get("sql").asText(), s.get("transactional").asBoolean(),
                    s.path("cleanup").isTextual() ? s.get("cleanup").asText() : null, limits(s))));
        }
        return statements;
    }

    private static String integrity(JsonNode content) {
        try {
            byte[] bytes = CANONICAL.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the plan file", e);
        }
    }

    private static ConvergeException notAPlan(String source, String why) {
        return new ConvergeException(ErrorKind.USAGE, "cannot use " + source + " as a plan: " + why + ". Nothing was changed.");
    }
}
