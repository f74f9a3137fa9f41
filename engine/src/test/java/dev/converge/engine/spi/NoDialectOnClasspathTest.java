package dev.converge.engine.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The engine's unit tests run with no dialect on the classpath: the engine module depends on none, so
 * whatever they exercise (renames, ordering, plans, config) is dialect-neutral by construction. If a
 * dialect ever became a dependency of the engine, this test fails and says which.
 */
class NoDialectOnClasspathTest {
    @Test
    void noDialectIsRegisteredOrLoadable() {
        List<String> found = ServiceLoader.load(Dialect.class).stream().map(p -> p.type().getName()).toList();
        assertEquals(List.of(), found, "dialects registered on the engine's test classpath");
        for (String dialect : List.of("dev.converge.dialect.postgres.PostgresDialect",
                "dev.converge.dialect.mysql.MysqlDialect", "dev.converge.grammar.postgres.PostgresLexer")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(dialect), dialect + " is on the classpath");
        }
    }
}
