package dev.converge.engine.plan.phase;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;

/**
 * ContractGate holds contract back until someone states that no running release needs the old
 * shape: contract drops what the old release reads and writes, so running it early is an outage,
 * not a failed migration. The statement is explicit: a flag, or an environment variable CI sets.
 */
public final class ContractGate {
    /** The environment variable that opens the gate when it says {@code yes} (or {@code true}). */
    public static final String VARIABLE = "CONVERGE_CONFIRM_CONTRACT";

    private ContractGate() {
    }

    /**
     * Refuses (exit 3, nothing changed) unless contract is confirmed.
     *
     * @param confirmed the command line's {@code --confirm-contract}
     * @param variable  the value of {@link #VARIABLE}, or null
     */
    public static void check(boolean confirmed, String variable) {
        if (confirmed || (variable != null && (variable.strip().equalsIgnoreCase("yes")
                || variable.strip().equalsIgnoreCase("true")))) {
            return;
        }
        throw new ConvergeException(ErrorKind.REFUSED, "refusing to contract: contract drops what the running release"
                + " may still use. Once no running release needs the old names, pass --confirm-contract (or set "
                + VARIABLE + "=yes). Nothing was changed.");
    }
}
