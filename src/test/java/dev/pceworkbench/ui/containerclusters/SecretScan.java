package dev.pceworkbench.ui.containerclusters;

import javafx.beans.value.ObservableValue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Walks everything reachable from an object of the workbench (its fields, recursively; the values
 * of JavaFX properties and the elements of collections and maps it holds) and fails where a
 * string or char array holds the secret.
 */
final class SecretScan {
    private SecretScan() {
    }

    static void assertNotHeld(Object root, String secret) {
        walk(root, secret, "root", java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void walk(Object o, String secret, String path, Set<Object> seen) {
        if (o == null || !seen.add(o)) {
            return;
        }
        if (o instanceof CharSequence s) {
            assertFalse(s.toString().contains(secret), "the secret is held at " + path);
            return;
        }
        if (o instanceof char[] chars) {
            assertFalse(new String(chars).contains(secret), "the secret is held at " + path);
            return;
        }
        if (o instanceof ObservableValue<?> v && !o.getClass().getName().startsWith("dev.pceworkbench")) {
            walk(v.getValue(), secret, path + ".value", seen);
            if (o instanceof Collection<?> c) {
                int i = 0;
                for (Object e : c) {
                    walk(e, secret, path + "[" + i++ + "]", seen);
                }
            }
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                walk(e, secret, path + "[" + i++ + "]", seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                walk(k, secret, path + ".key", seen);
                walk(v, secret, path + "[" + k + "]", seen);
            });
            return;
        }
        if (o instanceof Enum<?> || !o.getClass().getName().startsWith("dev.pceworkbench")) {
            return; // JavaFX bindings, executors, clients: their state is not the view model's
        }
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                try {
                    walk(f.get(o), secret, path + "." + f.getName(), seen);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}
