package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

/**
 * Collation is a collation object of a managed schema ({@code CREATE COLLATION}), as the catalog
 * keeps it. PostgreSQL cannot change a collation in place (only rename it or refresh its version),
 * so any other difference replaces it.
 *
 * @param provider      {@code icu}, {@code libc} or {@code builtin}
 * @param locale        the ICU (or builtin) locale; null for libc
 * @param lcCollate     LC_COLLATE of a libc collation; null otherwise
 * @param lcCtype       LC_CTYPE of a libc collation; null otherwise
 * @param deterministic false for a nondeterministic collation (ICU only): strings that compare equal
 *                      need not be byte-wise equal
 * @param rules         ICU tailoring rules (PostgreSQL 16+); null when none
 * @param comment       null when none
 */
public record Collation(QualifiedName name, String provider, String locale, String lcCollate, String lcCtype,
                        boolean deterministic, String rules, String comment) implements Referable {
    public Collation {
        requireNonNull(name, "name is null");
        requireNonNull(provider, "provider is null");
    }

    @Override
    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.COLLATION, name);
    }

    /** Equal but for the comment: nothing to replace. */
    public boolean sameDefinitionAs(Collation other) {
        return new Collation(name, provider, locale, lcCollate, lcCtype, deterministic, rules, null)
                .equals(new Collation(other.name, other.provider, other.locale, other.lcCollate, other.lcCtype,
                        other.deterministic, other.rules, null));
    }
}
