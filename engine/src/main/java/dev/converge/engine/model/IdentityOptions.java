package dev.converge.engine.model;

/**
 * IdentityOptions are the options of an identity column's sequence, as the server stores them
 * (pg_sequence): every value explicit, defaults included, so that two columns compare equal exactly
 * when their sequences behave alike. Which values are the server's defaults depends on the column's
 * type and is the dialect's business. The sequence's current value is data, never compared.
 */
public record IdentityOptions(long start, long increment, long minValue, long maxValue, long cache, boolean cycle) {
    public IdentityOptions {
        if (increment == 0) {
            throw new IllegalArgumentException("identity increment must not be zero");
        }
    }
}
