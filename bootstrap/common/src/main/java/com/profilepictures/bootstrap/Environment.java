package com.profilepictures.bootstrap;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A function's configuration as environment variables. On Lambda it is the process environment
 * ({@link #current()}, what an entry class's no-argument constructor reads); the local API runs every
 * function in one JVM and hands each entry class its own, built from the template's environment of that
 * function, through the entry class's constructor taking one of these.
 */
public final class Environment {

    private final Map<String, String> variables;

    public Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** This process's environment, as Lambda sets it. */
    public static Environment current() {
        return new Environment(System.getenv());
    }

    /** The variable's value, unless it is unset or blank. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(variables.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    public boolean isSet(String name) {
        return get(name).isPresent();
    }

    /** These variables with {@code overrides} set over them. */
    public Environment with(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(variables);
        merged.putAll(overrides);
        return new Environment(merged);
    }

    /** Every variable, blank ones included. */
    public Map<String, String> variables() {
        return variables;
    }

    /**
     * {@code variable} as a positive ISO-8601 duration, or {@code fallback} when unset; anything else stops the
     * function at start with a message naming the variable and an {@code example} of a good value.
     */
    public Duration positiveDuration(String variable, Duration fallback, String example) {
        return get(variable)
                .map(value -> {
                    try {
                        Duration duration = Duration.parse(value);
                        if (!duration.isNegative() && !duration.isZero()) {
                            return duration;
                        }
                    } catch (DateTimeParseException e) {
                        // reported below
                    }
                    throw new InvalidConfigurationException(
                            variable + " is a positive ISO-8601 duration, e.g. " + example + ": " + value);
                })
                .orElse(fallback);
    }
}
