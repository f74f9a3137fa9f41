package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.literal;
import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.model.Collation;
import java.util.ArrayList;
import java.util.List;

/**
 * CollationSql writes CREATE COLLATION with explicit options (provider, then the locale of an ICU or
 * builtin collation or LC_COLLATE and LC_CTYPE of a libc one, the deterministic flag when false, ICU
 * rules), and DROP COLLATION.
 */
final class CollationSql {
    private CollationSql() {
    }

    static String create(Collation collation) {
        List<String> options = new ArrayList<>();
        options.add("provider = " + collation.provider());
        if (collation.locale() != null) {
            options.add("locale = " + literal(collation.locale()));
        }
        if (collation.lcCollate() != null) {
            options.add("lc_collate = " + literal(collation.lcCollate()));
        }
        if (collation.lcCtype() != null) {
            options.add("lc_ctype = " + literal(collation.lcCtype()));
        }
        if (!collation.deterministic()) {
            options.add("deterministic = false");
        }
        if (collation.rules() != null) {
            options.add("rules = " + literal(collation.rules()));
        }
        return "CREATE COLLATION " + quote(collation.name()) + " (" + String.join(", ", options) + ")";
    }

    static String drop(Collation collation) {
        return "DROP COLLATION " + quote(collation.name());
    }
}
