package dev.converge.engine.diag;

/**
 * ErrorKind says whose fault an error is, and so which exit code the CLI returns for it.
 * The codes follow BSD sysexits where one fits (64 usage, 65 data) and Terraform elsewhere.
 */
public enum ErrorKind {
    /** Something failed that is nobody's input: a server, the network, a bug. */
    ERROR(1),
    /** The plan was refused by the safety policy (destructive steps without allowance). */
    REFUSED(3),
    /** The target or the desired state holds objects Converge does not manage, and they were not allowed. */
    UNMANAGED(5),
    /**
     * The embedded shadow's database binaries are in no local repository or cache, and cannot be
     * downloaded (offline, unreachable, checksum mismatch); the message names the alternatives.
     */
    BINARIES_UNAVAILABLE(6),
    /** The command line itself is wrong. */
    USAGE(64),
    /** The desired-state files are wrong: syntax, unknown types, missing references. */
    BAD_INPUT(65);

    private final int exitCode;

    ErrorKind(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
