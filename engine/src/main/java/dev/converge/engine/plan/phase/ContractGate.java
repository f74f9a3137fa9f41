package dev.converge.engine.plan.phase;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import dev.converge.engine.project.ContractGateConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ContractGate holds contract back until someone states that no running release needs the old
 * shape: contract drops what the old release reads and writes, so running it early is an outage,
 * not a failed migration. The statement is explicit: a flag, an environment variable CI sets, or a
 * flag the team keeps in the database (a feature flag the release's rollout turns on), read by a query.
 */
public final class ContractGate {
    /** The environment variable that opens the gate when it says {@code yes} (or {@code true}, {@code on}, {@code 1}). */
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
        check(confirmed, variable, false);
    }

    /**
     * As {@link #check(boolean, String)}, with the answer of the team's flag query as a third way to
     * confirm.
     */
    public static void check(boolean confirmed, String variable, boolean flagSet) {
        if (confirmed || flagSet || saysYes(variable)) {
            return;
        }
        throw new ConvergeException(ErrorKind.REFUSED, "refusing to contract: contract drops what the running release"
                + " may still use. Once no running release needs the old names, pass --confirm-contract (or set "
                + VARIABLE + "=yes, or have --contract-flag-sql return true). Nothing was changed.");
    }

    /**
     * Whether the team's flag query confirms contract: its first row's first column is true (a boolean
     * true, {@code yes}, {@code true}, {@code on} or {@code 1}). No row, NULL or anything else keeps the
     * gate shut. The value is never printed: it is a row value.
     */
    public static boolean flagSet(Connection connection, String query) {
        try (Statement st = connection.createStatement()) {
            st.setQueryTimeout(30);
            try (ResultSet rs = st.executeQuery(query)) {
                return saysYes(rs.next() ? rs.getString(1) : null);
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.REFUSED, "refusing to contract: the contract flag query failed ("
                    + e.getSQLState() + "). Check the query given to --contract-flag-sql (it must return one row"
                    + " whose first column says true), or confirm with --confirm-contract. Nothing was changed.", e);
        }
    }

    /**
     * Refuses (exit 3, nothing changed) unless every condition that converge.yaml states for
     * {@code environment} holds, the flag query aside: it runs on each target ({@link #flagSet}).
     *
     * @param confirmed the command line's {@code --confirm-contract}
     * @param variable  the value of the gate's variable, or null when unset
     */
    public static void check(String environment, ContractGateConfig gate, boolean confirmed, String variable) {
        List<String> holding = new ArrayList<>();
        if (gate.variable() != null && !saysYes(variable)) {
            holding.add(gate.variable() + " does not say yes");
        }
        if (gate.confirm() && !confirmed) {
            holding.add("--confirm-contract was not given");
        }
        if (!holding.isEmpty()) {
            throw new ConvergeException(ErrorKind.REFUSED, "refusing to contract " + environment + ": the contract gate"
                    + " of converge.yaml holds (" + String.join("; ", holding) + "). Contract drops what the running"
                    + " release may still use; once it is gone, meet every condition of environments." + environment
                    + ".contract_gate. Nothing was changed.");
        }
    }

    /* One reading of "yes" for the variable and the flag query alike (a boolean column reads back as t). */
    private static boolean saysYes(String value) {
        return value != null && Set.of("t", "true", "yes", "on", "1").contains(value.strip().toLowerCase(Locale.ROOT));
    }
}
