package dev.converge.engine.plan;

import java.util.Locale;

/**
 * StepKind is the one colour a step gets in a drawing: the gravest of its safety classes. A step
 * that is destructive and locking is drawn destructive; a step with no class (a comment) is plain.
 */
public enum StepKind {
    DESTRUCTIVE("#ffd7d5", "#cf222e"),
    LOCKING("#fff1c2", "#9a6700"),
    ADDITIVE("#dafbe1", "#1a7f37"),
    PLAIN("#eaeef2", "#57606a");

    private final String fill;
    private final String stroke;

    StepKind(String fill, String stroke) {
        this.fill = fill;
        this.stroke = stroke;
    }

    public static StepKind of(PlanStep step) {
        if (step.isDestructive()) {
            return DESTRUCTIVE;
        }
        if (step.isLocking()) {
            return LOCKING;
        }
        return step.classes().isEmpty() ? PLAIN : ADDITIVE;
    }

    /** The lower-case name, used as a CSS or Mermaid class. */
    public String cssName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String fill() {
        return fill;
    }

    public String stroke() {
        return stroke;
    }
}
