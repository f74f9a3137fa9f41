package dev.converge.engine.diag;

import static java.util.Objects.requireNonNull;

/**
 * ConvergeException is the one unchecked root of every error Converge reports to a user.
 * Its message is written for that user: what went wrong, on what, and what to do.
 */
public class ConvergeException extends RuntimeException {
    private final ErrorKind kind;

    public ConvergeException(ErrorKind kind, String message) {
        this(kind, message, null);
    }

    public ConvergeException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = requireNonNull(kind, "kind is null");
    }

    public ErrorKind kind() {
        return kind;
    }
}
