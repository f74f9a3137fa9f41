package dev.converge.cli;

/**
 * ExitCodes are the CLI's exit codes: 0 success with no changes, 1 error, 2 changes pending (plan
 * with --detailed-exitcode), 3 refused by the safety policy, 5 unmanaged objects
 * found (and not allowed), 64 usage error, 65 bad input.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int CHANGES_PENDING = 2;
    public static final int REFUSED = 3;
    public static final int UNMANAGED = 5;
    public static final int USAGE = 64;
    public static final int BAD_INPUT = 65;

    private ExitCodes() {
    }
}
