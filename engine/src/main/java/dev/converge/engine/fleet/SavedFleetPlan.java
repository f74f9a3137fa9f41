package dev.converge.engine.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SavedFleetPlan is a fleet plan as {@code plan --env --out FILE} saved it, read back for
 * {@code apply --env FILE}: the environment, the desired-state hash, and one schema fingerprint per
 * target. The apply refuses the whole plan when the desired state changed, and refuses each target
 * whose schema is no longer the one that was reviewed (or that the plan did not cover).
 */
public record SavedFleetPlan(String environment, String desiredHash, Map<String, String> fingerprints) {
    public SavedFleetPlan {
        fingerprints = Map.copyOf(fingerprints);
    }

    /** Reads the JSON of {@link FleetReports#planJson}; {@code source} names it in errors. */
    public static SavedFleetPlan read(String json, String source) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            if (root == null || !root.path("environment").isTextual() || !root.path("targets").isArray()) {
                throw new ConvergeException(ErrorKind.USAGE, source + " is not a fleet plan (plan --env ... --out FILE)");
            }
            Map<String, String> fingerprints = new LinkedHashMap<>();
            for (JsonNode target : root.get("targets")) {
                if (target.path("currentFingerprint").isTextual()) {
                    fingerprints.put(target.get("name").asText(), target.get("currentFingerprint").asText());
                }
            }
            return new SavedFleetPlan(root.get("environment").asText(), root.path("desiredHash").asText(), fingerprints);
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.USAGE, source + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** Why this target may not be applied under the saved plan, or null when it may. */
    String refusal(TargetPlan now) {
        String expected = fingerprints.get(now.target().name());
        if (expected == null) {
            return "not in the saved plan (it was not a target, or could not be planned, then); make a new plan";
        }
        if (!expected.equals(now.plan().currentFingerprint())) {
            return "changed since the saved plan was made (schema fingerprint " + FleetPlanRenderer.shortHash(expected)
                    + " then, " + FleetPlanRenderer.shortHash(now.plan().currentFingerprint()) + " now); make a new plan";
        }
        return null;
    }
}
