package org.parley.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** No engine type (DL4J, ND4J, JavaCPP, ONNX Runtime) may appear in a public signature of org.parley.core. */
class PublicApiTest {

    private static final List<String> ENGINE_PREFIXES = List.of("org.deeplearning4j", "org.nd4j", "org.bytedeco",
            "ai.onnxruntime", "ai.djl", "dev.langchain4j");

    static List<Class<?>> publicApiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Parley.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("org/parley/core");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.endsWith(".class") && !n.contains("$")) {
                    Class<?> c = Class.forName("org.parley.core." + n.substring(0, n.length() - 6));
                    if (Modifier.isPublic(c.getModifiers())) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void noEngineTypeInAnyPublicSignature() throws Exception {
        List<String> leaks = new ArrayList<>();
        List<Class<?>> classes = publicApiClasses();
        assertTrue(classes.size() >= 8, "found " + classes);
        for (Class<?> c : classes) {
            check(c.getName(), c.getGenericSuperclass(), leaks);
            for (Type t : c.getGenericInterfaces()) {
                check(c.getName(), t, leaks);
            }
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) {
                    check(c.getName() + "." + m.getName(), m.getGenericReturnType(), leaks);
                    for (Type t : m.getGenericParameterTypes()) {
                        check(c.getName() + "." + m.getName(), t, leaks);
                    }
                    for (Type t : m.getGenericExceptionTypes()) {
                        check(c.getName() + "." + m.getName(), t, leaks);
                    }
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (Modifier.isPublic(k.getModifiers())) {
                    for (Type t : k.getGenericParameterTypes()) {
                        check(c.getName() + ".<init>", t, leaks);
                    }
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers())) {
                    check(c.getName() + "." + f.getName(), f.getGenericType(), leaks);
                }
            }
        }
        assertTrue(leaks.isEmpty(), "engine types in the public API: " + leaks);
    }

    @Test
    void theCheckWouldCatchALeak() {
        List<String> leaks = new ArrayList<>();
        check("probe", new java.lang.reflect.Type() {
            @Override
            public String getTypeName() {
                return "org.nd4j.linalg.api.ndarray.INDArray";
            }
        }, leaks);
        assertTrue(!leaks.isEmpty());
    }

    private static void check(String where, Type t, List<String> leaks) {
        if (t == null) {
            return;
        }
        String name = t.getTypeName();
        for (String p : ENGINE_PREFIXES) {
            if (name.contains(p)) {
                leaks.add(where + ": " + name);
            }
        }
    }
}
