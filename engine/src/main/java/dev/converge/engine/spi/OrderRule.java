package dev.converge.engine.spi;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.change.Change;
import java.util.function.Predicate;

/**
 * OrderRule is an order a dialect needs on top of the engine's (see
 * {@link dev.converge.engine.graph.StepOrder}): the changes it matches run before every other change
 * but the renames, in the order the dependency graph gave them. A dialect declares its rules through
 * {@link SqlGenerator#orderRules()}; a rule may only match changes that need nothing else of the plan,
 * which the engine checks for every plan.
 *
 * @param name   what moves, as a plan reader would say it ("new enum labels")
 * @param reason why the server needs them first
 * @param first  the changes that run first
 */
public record OrderRule(String name, String reason, Predicate<Change> first) {
    public OrderRule {
        requireNonNull(name, "name is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(first, "first is null");
    }
}
