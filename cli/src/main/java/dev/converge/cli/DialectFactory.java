package dev.converge.cli;

import dev.converge.engine.spi.DialectRegistry;
import picocli.CommandLine;

/**
 * DialectFactory hands the dialect registry to every command picocli creates, so commands receive
 * their dependencies through their constructor instead of a static registry.
 */
final class DialectFactory implements CommandLine.IFactory {
    private final DialectRegistry dialects;

    DialectFactory(DialectRegistry dialects) {
        this.dialects = dialects;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return type.getDeclaredConstructor(DialectRegistry.class).newInstance(dialects);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
