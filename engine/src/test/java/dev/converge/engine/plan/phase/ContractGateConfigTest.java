package dev.converge.engine.plan.phase;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.project.ContractGateConfig;
import org.junit.jupiter.api.Test;

/**
 * An environment's contract gate from converge.yaml: each condition it states must hold, a gate that
 * holds refuses with exit 3 and names what holds it. (The flag query runs on each target: FleetPhaseTest.)
 */
class ContractGateConfigTest {
    private static final ContractGateConfig GATE = new ContractGateConfig("OLD_RELEASE_GONE", null, true);

    @Test
    void aGateThatHoldsRefusesWithExitThreeAndItsReasons() {
        ConvergeException e = assertThrows(ConvergeException.class, () -> ContractGate.check("prod", GATE, false, null));
        assertEquals(3, e.kind().exitCode());
        assertTrue(e.getMessage().contains("refusing to contract prod: the contract gate of converge.yaml holds"
                + " (OLD_RELEASE_GONE does not say yes; --confirm-contract was not given)"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was changed."), e.getMessage());
        ConvergeException half = assertThrows(ConvergeException.class, () -> ContractGate.check("prod", GATE, true, "no"));
        assertTrue(half.getMessage().contains("(OLD_RELEASE_GONE does not say yes)"), half.getMessage());
    }

    @Test
    void aGateWhoseConditionsAllHoldLetsContractRun() {
        assertDoesNotThrow(() -> ContractGate.check("prod", GATE, true, "yes"));
        assertDoesNotThrow(() -> ContractGate.check("prod", new ContractGateConfig("OLD_RELEASE_GONE", null, false),
                false, " TRUE "));
        assertDoesNotThrow(() -> ContractGate.check("prod", new ContractGateConfig(null, "SELECT true", false), false,
                null), "the flag query is the target's to answer");
    }
}
