package dev.converge.api;

/**
 * What {@link TargetSession#backfill} did.
 *
 * @param finished true when every backfill is done; false when the stop signal ended it at a checkpoint
 * @param state    where the target is between expand and contract ({@code between expand and contract: 1
 *                 parallel change open (...)}); empty when no parallel change is open
 */
public record BackfillOutcome(boolean finished, String state) {
}
