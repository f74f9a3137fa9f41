package dev.converge.dialect.postgres.sql;

import dev.converge.engine.model.CatalogObject;

/**
 * CatalogObjectSql writes the DROP statement of a {@link CatalogObject}; its creation is its
 * definition, which the inspector read in the server's canonical form. The identity names the
 * object the way each DROP wants it (the inspector quoted every identifier in it).
 */
final class CatalogObjectSql {
    private CatalogObjectSql() {
    }

    static String drop(CatalogObject object) {
        return "DROP " + keyword(object) + " " + object.identity();
    }

    private static String keyword(CatalogObject object) {
        switch (object.kind()) {
            case AGGREGATE:
                return "AGGREGATE";
            case TEXT_SEARCH_PARSER:
                return "TEXT SEARCH PARSER";
            case TEXT_SEARCH_TEMPLATE:
                return "TEXT SEARCH TEMPLATE";
            case TEXT_SEARCH_DICTIONARY:
                return "TEXT SEARCH DICTIONARY";
            case TEXT_SEARCH_CONFIGURATION:
                return "TEXT SEARCH CONFIGURATION";
            case RULE:
                return "RULE";
            case CAST:
                return "CAST";
            case OPERATOR:
                return "OPERATOR";
            case OPERATOR_FAMILY:
                return "OPERATOR FAMILY";
            case OPERATOR_CLASS:
                return "OPERATOR CLASS";
            case EVENT_TRIGGER:
                return "EVENT TRIGGER";
            case STATISTICS:
                return "STATISTICS";
            case PUBLICATION:
                return "PUBLICATION";
            default:
                throw new IllegalArgumentException("not a catalog object kind: " + object.kind());
        }
    }
}
