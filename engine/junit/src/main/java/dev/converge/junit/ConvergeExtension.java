package dev.converge.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * ConvergeExtension runs {@link ConvergeDatabase}: it starts each kind of server once per test run
 * (kept in the root store, stopped when the run ends), creates a fresh database per annotated class
 * or method, and hands it to parameters of type {@link DataSource} or {@link TestDatabase}.
 */
public final class ConvergeExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConvergeExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        open(context, context.getTestClass(), "class");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close(context, "class");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        open(context, context.getTestMethod(), "method");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close(context, "method");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DataSource.class || type == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase database = current(context).orElseThrow(() -> new ParameterResolutionException(
                "no @ConvergeDatabase on " + context.getDisplayName() + " or its class"));
        return parameter.getParameter().getType() == DataSource.class ? database.dataSource() : database;
    }

    /** The method's own database, else the class's (the nearest enclosing one for nested classes). */
    private static Optional<TestDatabase> current(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            FreshDatabase method = c.getStore(NAMESPACE).get("method", FreshDatabase.class);
            if (method != null) {
                return Optional.of(method.database());
            }
            FreshDatabase type = c.getStore(NAMESPACE).get("class", FreshDatabase.class);
            if (type != null) {
                return Optional.of(type.database());
            }
        }
        return Optional.empty();
    }

    private static Optional<ConvergeDatabase> annotation(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, ConvergeDatabase.class);
    }

    private static FreshDatabase create(ExtensionContext context, ConvergeDatabase on) {
        return FreshDatabase.create(server(context, on), on.desired());
    }

    /** One server per mode and setting for the whole run, stopped when the run ends. */
    private static DatabaseServer server(ExtensionContext context, ConvergeDatabase on) {
        String key = on.mode() + ":" + switch (on.mode()) {
            case EMBEDDED -> on.dialect();
            case SERVER -> on.server();
            case CONTAINER -> on.image();
        };
        if (on.mode() == ConvergeDatabase.Mode.CONTAINER) {
            try {
                Class.forName("org.testcontainers.DockerClientFactory");
            } catch (ClassNotFoundException e) {
                return Servers.container(on.image()); // says what to add to the classpath
            }
        }
        ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
        Running running = root.getOrComputeIfAbsent(key, k -> new Running(switch (on.mode()) {
            case EMBEDDED -> Servers.embedded(on.dialect());
            case SERVER -> Servers.configured(on.server());
            case CONTAINER -> Servers.container(on.image());
        }), Running.class);
        return running.server();
    }

    /**
     * Creates the database of a {@code @ConvergeDatabase} on {@code element} (the test class or method),
     * kept under {@code scope} in the context's store until {@link #close} drops it.
     */
    private static void open(ExtensionContext context, Optional<? extends AnnotatedElement> element, String scope) {
        element.flatMap(ConvergeExtension::annotation)
                .ifPresent(on -> context.getStore(NAMESPACE).put(scope, create(context, on)));
    }

    /** Drops the database kept under {@code scope}, if {@link #open} made one. */
    private static void close(ExtensionContext context, String scope) {
        FreshDatabase database = context.getStore(NAMESPACE).remove(scope, FreshDatabase.class);
        if (database != null) {
            database.close();
        }
    }
    /** A server kept for the run; JUnit closes it when the root context ends. */
    private record Running(DatabaseServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }
}
