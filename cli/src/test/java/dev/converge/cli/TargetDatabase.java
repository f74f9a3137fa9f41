package dev.converge.cli;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * TargetDatabase gives each test that declares a {@link LocalPostgres} parameter a new PostgreSQL
 * database of its own, dropped when the test ends; a test that needs no target starts none. Registered
 * as {@code @RegisterExtension static final TargetDatabase TARGET = new TargetDatabase("cli_lint");}.
 */
final class TargetDatabase implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TargetDatabase.class);

    /** The prefix of the databases' names. */
    private final String prefix;

    TargetDatabase(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPostgres.class;
    }

    @Override
    public LocalPostgres resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalPostgres db = LocalPostgres.create(prefix);
        // The test's store closes it when the test is done, passed or failed.
        context.getStore(NAMESPACE).put(parameter.getIndex(), (ExtensionContext.Store.CloseableResource) db::close);
        return db;
    }
}
