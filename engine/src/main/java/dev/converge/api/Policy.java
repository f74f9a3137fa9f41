package dev.converge.api;

import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.LockLevel;
import dev.converge.engine.safety.SafetyPolicy;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The safety policy an apply must pass: the same allowances as the CLI's {@code --allow-destructive},
 * {@code --allow-hazards}, {@code --max-lock} and {@code --allow-unmanaged}. {@link #DEFAULT} refuses
 * destructive steps and unmanaged objects, and allows any lock. A step whose data pre-check failed is
 * refused whatever the policy says.
 *
 * @param allowDestructive allow every destructive step
 * @param allowHazards     hazard codes allowed on every step ({@code DATA_LOSS}, {@code TABLE_REWRITE}...)
 * @param maxLock          the strongest table lock a step may take ({@code ACCESS_EXCLUSIVE} allows any)
 * @param allowUnmanaged   plan and apply although the target or the files hold objects Converge does not
 *                         manage (they are listed in the plan and left alone)
 */
public record Policy(boolean allowDestructive, Set<String> allowHazards, String maxLock, boolean allowUnmanaged) {
    public static final Policy DEFAULT = new Policy(false, Set.of(), "ACCESS_EXCLUSIVE", false);

    public Policy {
        Set<String> codes = new TreeSet<>();
        for (String code : allowHazards) {
            codes.add(hazard(code).name());
        }
        allowHazards = Set.copyOf(codes);
        maxLock = lock(maxLock).name();
    }

    public Policy allowingDestructive() {
        return new Policy(true, allowHazards, maxLock, allowUnmanaged);
    }

    public Policy allowingHazards(String... codes) {
        Set<String> all = new TreeSet<>(allowHazards);
        all.addAll(Arrays.asList(codes));
        return new Policy(allowDestructive, all, maxLock, allowUnmanaged);
    }

    public Policy withMaxLock(String level) {
        return new Policy(allowDestructive, allowHazards, level, allowUnmanaged);
    }

    public Policy allowingUnmanaged() {
        return new Policy(allowDestructive, allowHazards, maxLock, true);
    }

    /** The engine's policy, which the applier enforces. */
    SafetyPolicy safety() {
        Set<HazardCode> codes = EnumSet.noneOf(HazardCode.class);
        allowHazards.forEach(code -> codes.add(HazardCode.valueOf(code)));
        return SafetyPolicy.of(codes, allowDestructive, LockLevel.valueOf(maxLock));
    }

    private static HazardCode hazard(String code) {
        try {
            return HazardCode.valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown hazard code '" + code + "'; expected one of "
                    + Arrays.toString(HazardCode.values()), e);
        }
    }

    private static LockLevel lock(String level) {
        return LockLevel.parse(level == null ? "ACCESS_EXCLUSIVE" : level);
    }
}
