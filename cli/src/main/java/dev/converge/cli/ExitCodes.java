package dev.converge.cli;

import dev.converge.api.FleetOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ExitCodes is the one table of the CLI's exit codes, the same for a single target and for a fleet.
 * Every command's {@code --help} ends with it, and docs/cli.md's table is checked against it by a test.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int CHANGES_PENDING = 2;
    public static final int REFUSED = 3;
    public static final int DRIFTED = 4;
    public static final int UNMANAGED = 5;
    public static final int BINARIES_UNAVAILABLE = 6;
    public static final int USAGE = 64;
    public static final int BAD_INPUT = 65;

    /** Each code and what it means, in order: the help footer and docs/cli.md show exactly this. */
    public static final Map<Integer, String> TABLE = table();

    private ExitCodes() {
    }

    private static Map<Integer, String> table() {
        Map<Integer, String> t = new LinkedHashMap<>();
        t.put(OK, "success: nothing to do, or applied and converged (every target of a fleet)");
        t.put(ERROR, "error: server unreachable, authentication failed, a statement failed, not converged, no such"
                + " history entry; for a fleet, any target that failed");
        t.put(CHANGES_PENDING, "changes pending (plan and diff with --detailed-exitcode; drift always)");
        t.put(REFUSED, "refused, nothing changed: the safety policy (destructive step, hazard not allowed, lock above"
                + " --max-lock, a step that fails on the data, an enum losing labels), a stale or edited plan file,"
                + " the promotion gate; for a fleet, any target refused and none failed");
        t.put(DRIFTED, "drift found (drift)");
        t.put(UNMANAGED, "unmanaged objects found in the target or the desired state (without --allow-unmanaged); always when a planned step needs an unmanaged object the target lacks");
        t.put(BINARIES_UNAVAILABLE, "the embedded shadow's database binaries are not cached and cannot be downloaded"
                + " (offline): use --shadow server, --dev-url, or the full bundle");
        t.put(USAGE, "usage error: unknown command or option, missing --url, a schema that exists nowhere, no"
                + " terminal and no --auto-approve");
        t.put(BAD_INPUT, "bad input in the desired files (syntax, unknown type, NUL bytes...), as file:line:col");
        return java.util.Collections.unmodifiableMap(t);
    }

    /** The exit code of a fleet apply's outcome (or of merged shard reports): an error wins over a refusal. */
    public static int of(FleetOutcome outcome) {
        return outcome.exitCode();
    }

    /** The help footer's lines, {@code code:meaning} as picocli's exit code list takes them. */
    static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        TABLE.forEach((code, meaning) -> list.put(String.format("%3d", code), meaning));
        return list;
    }
}
