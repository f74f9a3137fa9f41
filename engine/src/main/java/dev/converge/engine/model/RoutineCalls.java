package dev.converge.engine.model;

import java.util.List;

/**
 * RoutineCalls tells whether an expression, as the server prints it with an empty search_path (every
 * name qualified), calls a routine: its qualified name, quoted or not, followed by a parenthesis.
 * Used where the catalog records only that a table's column uses a routine, not which of its
 * default or its checks does.
 */
public final class RoutineCalls {
    private RoutineCalls() {
    }

    /** True when {@code expression} calls {@code routine} (a ROUTINE ref, its name carrying the signature). */
    public static boolean in(String expression, ObjectRef routine) {
        if (expression == null || routine.kind() != ObjectKind.ROUTINE) {
            return false;
        }
        String schema = routine.name().schema();
        String full = routine.name().name();
        String name = full.contains("(") ? full.substring(0, full.indexOf('(')) : full;
        for (String s : List.of(schema, "\"" + schema + "\"")) {
            for (String n : List.of(name, "\"" + name + "\"")) {
                if (expression.contains(s + "." + n + "(")) {
                    return true;
                }
            }
        }
        return false;
    }
}
