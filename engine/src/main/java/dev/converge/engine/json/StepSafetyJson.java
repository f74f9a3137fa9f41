package dev.converge.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.safety.DataCheck;
import dev.converge.engine.safety.LockLevel;
import dev.converge.engine.safety.StepSafety;
import dev.converge.engine.safety.TableImpact;
import dev.converge.engine.safety.TableLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * StepSafetyJson reads back what {@link PlanJson} writes of a step's safety (locks, table impacts, data
 * checks), so that a saved plan is judged by the policy at apply time exactly as it was at plan time.
 */
final class StepSafetyJson {
    private StepSafetyJson() {
    }

    static StepSafety read(JsonNode step) {
        List<TableLock> locks = new ArrayList<>();
        step.path("locks").forEach(l -> locks.add(new TableLock(name(l.get("table").asText()),
                LockLevel.valueOf(l.get("level").asText()))));
        List<TableImpact> impacts = new ArrayList<>();
        step.path("impacts").forEach(i -> impacts.add(new TableImpact(name(i.get("table").asText()),
                i.get("verb").asText(), i.get("rows").asLong(), i.get("totalBytes").asLong())));
        List<DataCheck> checks = new ArrayList<>();
        step.path("checks").forEach(c -> checks.add(new DataCheck(c.get("what").asText(),
                DataCheck.Outcome.valueOf(c.get("outcome").asText().toUpperCase(Locale.ROOT)), c.get("count").asLong(),
                text(c, "query"), null, text(c, "note"))));
        return new StepSafety(locks, impacts, checks);
    }

    /** {@code schema.name}: names written by QualifiedName.toString; a dot inside a schema name is not expected. */
    private static QualifiedName name(String text) {
        int dot = text.indexOf('.');
        return QualifiedName.of(text.substring(0, dot), text.substring(dot + 1));
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.get(field).asText() : null;
    }
}
