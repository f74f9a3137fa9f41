package dev.converge.engine.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.engine.change.Action;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.safety.DataCheck;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.TableImpact;
import dev.converge.engine.safety.TableLock;
import java.util.Locale;

/**
 * PlanJson writes a plan as JSON in the shape {@code schemas/plan.schema.json} describes. Fields are
 * written in a fixed order, so the same plan always gives the same bytes.
 */
public final class PlanJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    public static String write(Plan plan) {
        return JsonText.indented(tree(plan), "plan JSON");
    }

    /** Compact one-line form, for the history table. */
    public static String writeCompact(Plan plan) {
        return JsonText.oneLine(tree(plan), "plan JSON");
    }

    public static ObjectNode tree(Plan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", plan.formatVersion());
        root.put("dialect", plan.dialect());
        root.put("target", plan.target());
        root.put("currentFingerprint", plan.currentFingerprint());
        root.put("desiredFingerprint", plan.desiredFingerprint());
        ObjectNode summary = root.putObject("summary");
        summary.put("add", plan.count(Action.CREATE));
        summary.put("change", plan.count(Action.ALTER));
        summary.put("destroy", plan.count(Action.DROP));
        summary.put("destructive", plan.destructiveSteps().size());
        summary.put("locking", plan.steps().stream().filter(PlanStep::isLocking).count());
        summary.put("failing", plan.steps().stream().filter(PlanStep::isFailing).count());
        ArrayNode steps = root.putArray("steps");
        plan.steps().forEach(step -> steps.add(step(step)));
        ArrayNode notes = root.putArray("notes");
        plan.notes().forEach(notes::add);
        if (plan.hasUnmanaged()) {
            ArrayNode unmanaged = root.putArray("unmanaged");
            plan.unmanaged().forEach(u -> unmanaged.addObject().put("side", u.side())
                    .put("kind", u.object().kind()).put("name", u.object().name()));
        }
        return root;
    }

    private static ObjectNode step(PlanStep step) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("number", step.number());
        node.put("id", step.id());
        node.put("action", step.action().name().toLowerCase(Locale.ROOT));
        node.put("symbol", step.symbol());
        node.put("kind", step.change().getClass().getSimpleName());
        ObjectNode object = node.putObject("object");
        object.put("kind", step.target().kind().word());
        object.put("name", step.target().display());
        node.put("description", step.description());
        // Where the desired object is declared; null for a drop or a desired state read from a database.
        node.put("source", step.source() == null || step.isGoneFromFiles() ? null : step.source());
        ArrayNode classes = node.putArray("classes");
        step.sortedClasses().forEach(c -> classes.add(c.name().toLowerCase(Locale.ROOT)));
        ArrayNode hazards = node.putArray("hazards");
        for (Hazard hazard : step.hazards()) {
            hazards.addObject().put("code", hazard.code().name()).put("message", hazard.message());
        }
        ArrayNode sql = node.putArray("sql");
        step.sql().forEach(sql::add);
        safety(step, node);
        return node;
    }

    /** Locks, live facts and how each statement runs: everything the text and Markdown plans show. */
    private static void safety(PlanStep step, ObjectNode node) {
        ArrayNode statements = node.putArray("statements");
        for (DdlStatement statement : step.statements()) {
            ObjectNode s = statements.addObject().put("sql", statement.sql()).put("transactional",
                    statement.transactional());
            if (statement.cleanup() != null) {
                s.put("cleanup", statement.cleanup());
            }
            if (statement.limits() != null) {
                s.put("lockTimeoutMillis", statement.limits().lockTimeout().toMillis())
                        .put("statementTimeoutMillis", statement.limits().statementTimeout().toMillis());
            }
        }
        node.put("lock", step.safety().strongestLock().name());
        ArrayNode locks = node.putArray("locks");
        for (TableLock lock : step.safety().locks()) {
            locks.addObject().put("table", lock.table().toString()).put("level", lock.level().name());
        }
        ArrayNode impacts = node.putArray("impacts");
        for (TableImpact impact : step.safety().impacts()) {
            impacts.addObject().put("table", impact.table().toString()).put("verb", impact.verb())
                    .put("rows", impact.rows()).put("totalBytes", impact.totalBytes()).put("text", impact.describe());
        }
        ArrayNode checks = node.putArray("checks");
        for (DataCheck check : step.safety().checks()) {
            ObjectNode c = checks.addObject().put("what", check.what())
                    .put("outcome", check.outcome().name().toLowerCase(Locale.ROOT)).put("count", check.count());
            // Never the example row: plan files, reports and history travel to CI logs and pull requests.
            if (check.query() != null) {
                c.put("query", check.query());
            }
            if (check.note() != null) {
                c.put("note", check.note());
            }
            c.put("text", check.describe());
        }
        node.put("failing", step.isFailing());
    }
}
