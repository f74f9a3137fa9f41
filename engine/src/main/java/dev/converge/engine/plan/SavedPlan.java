package dev.converge.engine.plan;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.SchemaModel;
import java.util.List;

/**
 * SavedPlan is a plan made to be reviewed now and applied later, exactly as reviewed: the plan with
 * everything an apply needs to check that it still fits the target. The schema the plan starts from
 * tells what changed when the target moved on; the desired schema lets the apply check convergence.
 *
 * @param plan        the steps, with their statements and inverse statements
 * @param schemas     the schemas the plan manages (empty: every non-system schema), inspected the same way again
 * @param current     the target's schema when the plan was made; its fingerprint is the plan's currentFingerprint
 * @param desired     the normalized desired schema
 * @param desiredHash hash of the desired-state source (the files, or the desired database's model)
 * @param gitCommit   the commit of the desired files when they are in a git work tree, or null
 */
public record SavedPlan(Plan plan, List<String> schemas, SchemaModel current, SchemaModel desired,
                        String desiredHash, String gitCommit) {
    public SavedPlan {
        requireNonNull(plan, "plan is null");
        requireNonNull(current, "current is null");
        requireNonNull(desired, "desired is null");
        requireNonNull(desiredHash, "desiredHash is null");
        schemas = schemas.stream().sorted().distinct().toList();
    }
}
