package dev.converge.engine.project;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.diag.SourceSpan;

/**
 * ConfigValue is a string from converge.yaml as written, before {@code ${env:NAME}} references are
 * resolved, with the place it was written, so that an unset variable is reported where it is used.
 * It is resolved only when the environment that uses it is selected: planning dev must not require
 * the production password to be set.
 */
public record ConfigValue(String raw, SourceSpan span) {
    public ConfigValue {
        requireNonNull(raw, "raw is null");
        requireNonNull(span, "span is null");
    }

    /** The value with every {@code ${env:NAME}} replaced from the process environment. */
    public String resolve() {
        return Interpolation.resolve(this, System::getenv);
    }

    /** The raw text is safe to show: secrets come from the environment, never from the file. */
    @Override
    public String toString() {
        return raw;
    }
}
