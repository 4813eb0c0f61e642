package com.profilepictures.bootstrap;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The process environment, read once. The local API runs every function in one JVM and cannot change
 * that JVM's environment, so a system property of the same name overrides a variable; on Lambda none
 * is set and this is exactly {@code System.getenv()}.
 */
public final class Environment {

    private final Map<String, String> variables;

    public Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** The real environment, with system properties of the same names on top. */
    public static Environment current() {
        Map<String, String> merged = new HashMap<>(System.getenv());
        for (String name : System.getProperties().stringPropertyNames()) {
            if (isVariableName(name)) {
                merged.put(name, System.getProperty(name));
            }
        }
        return new Environment(merged);
    }

    /** The variable's value, unless it is unset or blank. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(variables.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    public boolean isSet(String name) {
        return get(name).isPresent();
    }

    // Only upper-case names like TABLE_NAME: java.* and user.* properties are not configuration.
    private static boolean isVariableName(String name) {
        return !name.isEmpty()
                && name.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
    }
}
