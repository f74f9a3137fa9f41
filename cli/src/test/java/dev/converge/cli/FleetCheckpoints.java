package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** What the fleet fault-injection tests require of every tenant after a kill, on either server. */
final class FleetCheckpoints {
    private FleetCheckpoints() {
    }

    /**
     * The tenant holds exactly the changes of the first k groups of the plan, for some k at least as
     * large as its history's last done checkpoint: never a part of a group, never a change without
     * those before it, never less than history claims.
     *
     * @param held the probe names of the changes the tenant holds
     * @param groups the plan's groups, each the probe names of its steps, in plan order
     * @param done how many steps the tenant's history records as done
     */
    static void assertAtACheckpoint(String tenant, List<String> held, List<List<String>> groups, long done) {
        List<String> prefixOfPlan = new ArrayList<>();
        boolean matches = held.isEmpty();
        for (List<String> group : groups) {
            prefixOfPlan.addAll(group);
            matches |= new HashSet<>(held).equals(new HashSet<>(prefixOfPlan));
        }
        assertTrue(matches, tenant + " is between two checkpoints: it holds " + held + " of the groups " + groups);
        assertTrue(held.size() >= done, tenant + " holds " + held + ", fewer than its history's " + done + " done steps");
    }
}
