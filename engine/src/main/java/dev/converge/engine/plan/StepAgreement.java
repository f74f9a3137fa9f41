package dev.converge.engine.plan;

import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.LockLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * StepAgreement finds where a step says two different things: a label of "no lock" above a lock line,
 * or a hazard that quotes a clause ({@code ALGORITHM=INPLACE}) the statement shown does not run. A
 * reviewer reads all of them; they must come from one truth. Convergence tests check every step.
 */
public final class StepAgreement {
    /** A {@code KEY=VALUE} clause in upper case, as DDL options are written. */
    private static final Pattern CLAUSE = Pattern.compile("\\b([A-Z][A-Z_]+)\\s*=\\s*([A-Z][A-Z_]*)\\b");

    private StepAgreement() {
    }

    /** Every contradiction in the plan, one line each, naming the step; empty when all agree. */
    public static List<String> contradictions(Plan plan) {
        List<String> found = new ArrayList<>();
        List<DdlStatement> running = List.of();
        for (PlanStep step : plan.steps()) {
            // A step made by the statement of the step before is told against that statement.
            running = step.isMadeByPreviousStep() ? running : step.statements();
            contradictions(step, running).forEach(c -> found.add("step " + step.number() + ": " + c));
        }
        return found;
    }

    static List<String> contradictions(PlanStep step, List<DdlStatement> running) {
        List<String> found = new ArrayList<>();
        boolean locks = step.safety().locks().stream().anyMatch(l -> l.level() != LockLevel.NONE);
        if (step.sortedClasses().isEmpty() && step.unclassifiedLabel().contains("no lock") && locks) {
            found.add("labelled 'no lock' but locks " + step.safety().locks());
        }
        Map<String, String> run = new HashMap<>();
        for (DdlStatement statement : running) {
            clauses(statement.sql(), run);
        }
        for (Hazard hazard : step.hazards()) {
            Map<String, String> said = new HashMap<>();
            clauses(hazard.message(), said);
            said.forEach((key, value) -> {
                String actual = run.get(key);
                if (actual != null && !actual.equals(value)) {
                    found.add("hazard " + hazard.code() + " says " + key + "=" + value + " but the statement runs "
                            + key + "=" + actual);
                }
            });
        }
        return found;
    }

    private static void clauses(String text, Map<String, String> into) {
        Matcher m = CLAUSE.matcher(text);
        while (m.find()) {
            into.putIfAbsent(m.group(1), m.group(2));
        }
    }
}
