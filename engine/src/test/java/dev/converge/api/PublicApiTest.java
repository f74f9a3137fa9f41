package dev.converge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The line between API and internals: every public signature of {@code dev.converge.api} names only
 * its own types and the JDK's, so that the engine's other packages can change without breaking a
 * caller. (The exceptions it throws, {@code ConvergeException} and friends, are unchecked and
 * documented in package-info.)
 */
class PublicApiTest {
    @Test
    void theApiPackageExposesNoInternalType() throws Exception {
        List<Class<?>> classes = apiClasses();
        assertTrue(classes.size() >= 10, "found only " + classes);
        TreeSet<String> leaks = new TreeSet<>();
        for (Class<?> type : classes) {
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (exposed(m.getModifiers()) && !m.isSynthetic()) {
                    check(type.getSimpleName() + "." + m.getName(), m.getGenericReturnType(), leaks);
                    for (Type p : m.getGenericParameterTypes()) {
                        check(type.getSimpleName() + "." + m.getName(), p, leaks);
                    }
                    for (Type e : m.getGenericExceptionTypes()) {
                        check(type.getSimpleName() + "." + m.getName(), e, leaks);
                    }
                }
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (exposed(c.getModifiers())) {
                    for (Type p : c.getGenericParameterTypes()) {
                        check(type.getSimpleName() + ".<init>", p, leaks);
                    }
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (exposed(f.getModifiers())) {
                    check(type.getSimpleName() + "." + f.getName(), f.getGenericType(), leaks);
                }
            }
        }
        assertEquals(new TreeSet<>(), leaks, "internal types in the public API");
    }

    private static boolean exposed(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(String where, Type type, TreeSet<String> leaks) {
        if (type instanceof Class<?> c) {
            Class<?> base = c;
            while (base.isArray()) {
                base = base.getComponentType();
            }
            String name = base.getName();
            if (!base.isPrimitive() && !name.startsWith("java.") && !name.startsWith("javax.") && !name.startsWith("dev.converge.api.")) {
                leaks.add(where + " -> " + name);
            }
        } else if (type instanceof ParameterizedType p) {
            check(where, p.getRawType(), leaks);
            for (Type argument : p.getActualTypeArguments()) {
                check(where, argument, leaks);
            }
        } else if (type instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds())).forEach(b -> check(where, b, leaks));
        } else if (type instanceof GenericArrayType a) {
            check(where, a.getGenericComponentType(), leaks);
        }
    }

    /** Every class compiled into the package, nested ones included. */
    private static List<Class<?>> apiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(Converge.class.getResource("Converge.class").toURI()).getParent();
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String simple = file.getFileName().toString().replace(".class", "");
                if (!simple.equals("package-info")) {
                    classes.add(Class.forName("dev.converge.api." + simple));
                }
            }
        }
        return classes;
    }
}
