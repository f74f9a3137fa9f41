package dev.converge.dialect.postgres.sql;

import dev.converge.dialect.postgres.PostgresIdentifiers;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.dialect.postgres.SearchPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SessionSettingsSql wraps a step's statements in the session settings the desired files declared
 * its object under: {@code SET search_path TO "app", "public"} (and {@code check_function_bodies}
 * where the files turned it off, as pg_dump output does) before, {@code RESET} after, so that the
 * rest of the apply runs under the session's own settings again. SET and RESET take part in the
 * apply's transaction: a rollback undoes them with the step.
 */
final class SessionSettingsSql {
    private SessionSettingsSql() {
    }

    static List<DdlStatement> around(List<DdlStatement> statements, Map<String, String> settings) {
        Map<String, String> sorted = new TreeMap<>(settings);
        boolean transactional = statements.stream().allMatch(DdlStatement::transactional);
        List<DdlStatement> wrapped = new ArrayList<>();
        sorted.forEach((name, value) -> wrapped.add(new DdlStatement("SET " + name + " TO " + value(name, value),
                transactional)));
        wrapped.addAll(statements);
        sorted.keySet().forEach(name -> wrapped.add(new DdlStatement("RESET " + name, transactional)));
        return wrapped;
    }

    /* A search path is a list of schema names, each quoted; any other value is a string literal. */
    private static String value(String name, String value) {
        if (!name.equals("search_path")) {
            return "'" + value.replace("'", "''") + "'";
        }
        List<String> schemas = SearchPaths.schemas(value);
        return schemas.isEmpty() ? "''" : String.join(", ", schemas.stream().map(PostgresIdentifiers::quote).toList());
    }
}
