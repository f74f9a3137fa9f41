package dev.converge.engine.report;

import dev.converge.engine.diag.Plural;
import dev.converge.engine.fleet.FleetPlan;
import dev.converge.engine.fleet.FleetStatus;
import dev.converge.engine.fleet.PlanGroup;
import dev.converge.engine.fleet.TargetPlan;
import dev.converge.engine.fleet.TargetState;
import dev.converge.engine.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * ReleaseNote says in one line what a rollout would do to an environment, the way a release note
 * would: "prod: 412 tenants pending plan A (3 steps, 1 locking), 3 drifted, 1 failed".
 */
public final class ReleaseNote {
    private ReleaseNote() {
    }

    public static String of(FleetReport.Environment env) {
        if (env.plan() == null) {
            return env.name() + ": unreachable (" + env.error() + ")";
        }
        FleetPlan plan = env.plan();
        List<String> parts = new ArrayList<>();
        for (PlanGroup group : plan.groups()) {
            if (group.label().equals(PlanGroup.IN_SYNC)) {
                parts.add(count(group.members().size(), plan) + " in sync");
            } else {
                // Targets that only drifted have a plan too (it reverts the drift), but they are not
                // pending: they are counted as drifted below, as status does.
                long pending = group.members().stream().filter(t -> t.state().pending()).count();
                if (pending > 0) {
                    parts.add(count((int) pending, plan) + " pending plan " + group.label() + " ("
                            + steps(group.representative()) + ")");
                }
            }
        }
        long drifted = plan.targets().stream().filter(t -> t.state().drifted()).count();
        long failed = plan.targets().stream().filter(ReleaseNote::lastApplyFailed).count();
        long unreachable = plan.targets().stream().filter(t -> t.state() == TargetState.ERROR).count();
        if (drifted > 0) {
            parts.add(drifted + " drifted");
        }
        if (failed > 0) {
            parts.add(failed + " failed");
        }
        if (unreachable > 0) {
            parts.add(unreachable + " unreachable");
        }
        return env.name() + ": " + (parts.isEmpty() ? "no targets" : String.join(", ", parts));
    }

    /** True when the latest apply recorded for the target failed (as status reports it). */
    public static boolean lastApplyFailed(TargetPlan target) {
        return "failed".equals(FleetStatus.outcome(target));
    }

    /** "3 steps, 1 locking, 1 destructive": the classes a reviewer asks about first. */
    public static String steps(Plan plan) {
        int n = plan.steps().size();
        StringBuilder out = new StringBuilder(Plural.count(n, "step"));
        long locking = plan.steps().stream().filter(s -> s.isLocking()).count();
        long destructive = plan.destructiveSteps().size();
        if (locking > 0) {
            out.append(", ").append(locking).append(" locking");
        }
        if (destructive > 0) {
            out.append(", ").append(destructive).append(" destructive");
        }
        return out.toString();
    }

    private static String count(int n, FleetPlan plan) {
        boolean tenants = plan.targets().stream().anyMatch(t -> t.target().tenant() != null);
        return Plural.count(n, tenants ? "tenant" : "target");
    }
}
