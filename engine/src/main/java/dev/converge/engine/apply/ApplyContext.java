package dev.converge.engine.apply;

/**
 * ApplyContext is what an apply records beyond the plan: the project environment and target it ran
 * for, the desired schema snapshot (JSON) drift will compare with, and a note (a skipped promotion
 * check). Outside a project every field is null.
 */
public record ApplyContext(String environment, String target, String desiredSnapshot, String note) {
    public static final ApplyContext NONE = new ApplyContext(null, null, null, null);
}
