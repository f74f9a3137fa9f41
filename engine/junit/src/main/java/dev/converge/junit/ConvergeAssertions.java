package dev.converge.junit;

import dev.converge.api.Converge;
import dev.converge.api.ConvergePlan;
import dev.converge.api.Desired;
import dev.converge.api.Format;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions that a live database is exactly the schema its desired files describe: a plan from it
 * to the files is empty. A team runs them in its own CI to prove that the schema it ships is the
 * schema it wrote (after Flyway, after an ORM's DDL, after a hand fix).
 */
public final class ConvergeAssertions {
    private ConvergeAssertions() {
    }

    /**
     * Fails, showing the plan, when the database behind {@code dataSource} differs from the files under
     * {@code desired} (a directory or a .sql file). The files are normalized in the dialect's default
     * shadow (an embedded PostgreSQL; for MySQL a throwaway database on the same server).
     */
    public static void assertConverged(DataSource dataSource, String desired) {
        check(Converge.target(dataSource), desired);
    }

    /** The same, for a database URL ({@code postgresql://...}, {@code jdbc:...}). */
    public static void assertConverged(String url, String desired) {
        check(Converge.target(url), desired);
    }

    private static void check(Converge target, String desired) {
        ConvergePlan plan = target.dataChecks(false).plan(Desired.directory(Path.of(desired)));
        if (!plan.isEmpty()) {
            throw new AssertionFailedError("the database does not match " + desired + "; the plan that would make it"
                    + " match:\n" + plan.render(Format.TEXT));
        }
    }
}
