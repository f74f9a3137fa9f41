package dev.converge.engine.safety;

import static java.util.Objects.requireNonNull;

/** Hazard is one risk of a step: a stable code and a sentence that says why, for the reviewer. */
public record Hazard(HazardCode code, String message) {
    public Hazard {
        requireNonNull(code, "code is null");
        requireNonNull(message, "message is null");
    }
}
