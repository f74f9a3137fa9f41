package dev.converge.engine.model;

/**
 * TriggerState says when a trigger fires, in the engine's words rather than one catalog's codes: a
 * dialect's inspector maps its catalog's value to one of these, and its generator writes the
 * statement that sets it. A server without enable states has every trigger {@link #ENABLED}.
 */
public enum TriggerState {
    /** Fires in ordinary sessions (the default). */
    ENABLED("enabled"),
    /** Never fires. */
    DISABLED("disabled"),
    /** Fires only in sessions that apply replicated changes. */
    REPLICA("enabled for replica"),
    /** Fires in every session, replica or not. */
    ALWAYS("enabled always");

    private final String words;

    TriggerState(String words) {
        this.words = words;
    }

    /** How a plan says it: "enabled for replica". */
    public String words() {
        return words;
    }
}
