package dev.converge.cli;

import dev.converge.api.Dialects;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * DialectFactory hands the dialects to every command picocli creates that takes them in its
 * constructor, so commands receive their dependencies instead of reading a static registry.
 */
final class DialectFactory implements CommandLine.IFactory {
    private final Dialects dialects;

    DialectFactory(Dialects dialects) {
        this.dialects = dialects;
    }

    /** A command whose one constructor parameter takes the dialects gets them; any other type is picocli's. */
    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length == 1 && parameters[0].isInstance(dialects)) {
                return type.cast(constructor.newInstance(dialects));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }
}
