package dev.converge.engine.workflow;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.SavedPlan;

/**
 * PlanChecks are the refusals a single-target apply makes before the applier runs, shared by the CLI
 * and the public API so that both say the same thing: a plan with unmanaged objects (fail closed),
 * and a saved plan made for another dialect or database.
 */
public final class PlanChecks {
    private PlanChecks() {
    }

    /**
     * Fails closed: a plan that found unmanaged objects is refused (exit 5) unless they are allowed,
     * since it cannot say what it would do to them.
     */
    public static void refuseUnmanaged(Plan plan, boolean allowUnmanaged) {
        if (!plan.hasUnmanaged() || allowUnmanaged) {
            return;
        }
        StringBuilder message = new StringBuilder("refusing the plan: ").append(plan.unmanaged().size())
                .append(plan.unmanaged().size() == 1 ? " object is" : " objects are")
                .append(" not managed by Converge yet:\n");
        plan.unmanaged().forEach(u -> message.append("  ? ").append(u.display()).append('\n'));
        message.append("Nothing was changed. Remove them, or re-run with --allow-unmanaged to leave them alone.");
        throw new ConvergeException(ErrorKind.UNMANAGED, message.toString());
    }

    /** A saved plan is for one dialect and one database; the schema fingerprint is checked by the applier. */
    public static void refuseOtherTarget(SavedPlan saved, Target db) {
        if (!saved.plan().dialect().equals(db.dialect().id())) {
            throw new ConvergeException(ErrorKind.REFUSED, "refusing the plan: it is for " + saved.plan().dialect()
                    + ", the target is " + db.dialect().id() + ". Nothing was changed.");
        }
        if (!withoutUser(saved.plan().target()).equals(withoutUser(db.url().display()))) {
            throw new ConvergeException(ErrorKind.REFUSED, "refusing the plan: it was made for " + saved.plan().target()
                    + ", not for " + db.url().display() + ". Nothing was changed. Make a plan for this target.");
        }
    }

    /**
     * Planning and applying may use different users (a read-only reviewer, a migration user), and name
     * one server by two schemes (mysql:// and mariadb://, the dialect being the same): compare the rest.
     */
    private static String withoutUser(String display) {
        return display.replaceFirst("^[A-Za-z][A-Za-z0-9+.\\-]*://", "//").replaceFirst("//[^@/]*@", "//");
    }
}
