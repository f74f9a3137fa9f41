package dev.converge.engine.apply;

import dev.converge.engine.change.Change;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.diff.Differ;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.ChangeDescriber;
import java.util.List;

/**
 * StaleTarget is the refusal of a saved plan whose target moved on since it was planned: what was
 * reviewed would no longer be what runs. It lists what changed, as the steps that would turn the
 * schema at plan time into the schema now.
 */
final class StaleTarget {
    private StaleTarget() {
    }

    static ConvergeException refusal(String target, SchemaModel atPlanTime, String expected, SchemaModel now,
                                     String actual) {
        List<Change> since = new Differ().diff(atPlanTime, now).changes();
        StringBuilder message = new StringBuilder("refusing to apply: ").append(target)
                .append(" changed since the plan was made (schema fingerprint ").append(shortHash(expected))
                .append(" when planned, ").append(shortHash(actual)).append(" now).\n");
        if (since.isEmpty()) {
            message.append("No change a plan would act on (column order or other details differ).\n");
        } else {
            message.append("Changed since the plan:\n");
            since.forEach(c -> message.append("  ").append(c.action().symbol()).append(' ')
                    .append(ChangeDescriber.describe(c)).append('\n'));
        }
        message.append("Nothing was changed. Make a new plan ('converge plan --out FILE'), review it, and apply that.");
        return new ConvergeException(ErrorKind.REFUSED, message.toString());
    }

    static String shortHash(String fingerprint) {
        return fingerprint == null ? "(none)" : fingerprint.substring(0, Math.min(12, fingerprint.length()));
    }
}
