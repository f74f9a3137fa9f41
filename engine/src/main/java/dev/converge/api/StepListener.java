package dev.converge.api;

/** Hears each step of an apply as it starts (the CLI's {@code Step 2: + create table public.orders}). */
@FunctionalInterface
public interface StepListener {
    StepListener SILENT = (number, symbol, description) -> { };

    /**
     * @param symbol {@code +}, {@code ~}, {@code -} or {@code -/+}, as the plan's text marks the step
     */
    void started(int number, String symbol, String description);
}
