/**
 * The public API of Converge: what a Java program, a build plugin or a test calls to plan and apply a
 * desired schema. Start at {@link dev.converge.api.Converge} (one target: plan, apply, lint, inspect,
 * history), whose {@link dev.converge.api.TargetSession} runs plan and apply step by step on one
 * connection (phases and backfills, statement settings, step progress, a stop signal);
 * {@link dev.converge.api.EmbeddedServer} is a server of its own to try files on;
 * {@link dev.converge.api.ConvergeProject} and {@link dev.converge.api.Rollout} are the
 * environments of a converge.yaml; {@link dev.converge.api.Validation} checks files without a target,
 * {@link dev.converge.api.SchemaDiff} compares any two schemas, and {@link dev.converge.api.RunSettings}
 * are the settings of the whole process (stage listener, normalization cache).
 *
 * <p>Everything a caller needs is in this package, and its signatures name only its own types and the
 * JDK's. Errors are unchecked {@link dev.converge.engine.diag.ConvergeException}s (with
 * {@link dev.converge.engine.diag.ErrorKind}, whose exit code the CLI uses) and
 * {@link dev.converge.engine.diag.BadInputException} for bad desired files (file:line:col); those
 * three types are the only others a caller sees. Every other package of the engine is internal: it
 * may change without notice (a test, {@code PublicApiTest}, keeps the signatures of this package free
 * of them).
 *
 * <p>The safety policy is enforced beneath this API, where statements run: an apply that would drop
 * a column without {@link dev.converge.api.Policy#allowingDestructive()} is refused, whoever calls it.
 */
package dev.converge.api;
