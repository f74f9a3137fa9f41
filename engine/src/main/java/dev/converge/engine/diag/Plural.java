package dev.converge.engine.diag;

/** Plural writes a count with its noun in the right number: {@code 1 error}, {@code 2 errors}, never {@code 1 errors}. */
public final class Plural {
    private Plural() {
    }

    /** {@code n noun} with an {@code s} unless n is 1. */
    public static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    /** The noun alone in the number n asks for: {@code target} for 1, {@code targets} otherwise (a count shown apart). */
    public static String noun(long n, String noun) {
        return n == 1 ? noun : noun + "s";
    }

    /** {@code n singular} or {@code n plural}. */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
