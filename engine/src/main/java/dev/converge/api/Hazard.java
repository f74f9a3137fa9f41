package dev.converge.api;

/**
 * A hazard of one step: why it may hurt (data loss, a table rewrite, a long lock...).
 *
 * @param code    the hazard code, as {@code --allow-hazards} and {@link Policy#allowingHazards} take it
 *                ({@code DATA_LOSS}, {@code TABLE_REWRITE}...)
 * @param message one line for people
 */
public record Hazard(String code, String message) {
}
