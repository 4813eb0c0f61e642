package com.profilepictures.bootstrap.logging;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;

/** A {@link System.Logger} whose lines are JSON objects ({@link JsonLoggerFinder}), from {@link JsonLines}'s level up. */
final class JsonLogger implements System.Logger {

    private final String name;
    private final JsonLines lines;

    JsonLogger(String name, JsonLines lines) {
        this.name = Objects.requireNonNull(name, "name");
        this.lines = Objects.requireNonNull(lines, "lines");
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return lines.isLoggable(level);
    }

    /** A {@code Map} is a structured line, written as its fields; anything else is a message. */
    @Override
    public void log(Level level, Object line) {
        Objects.requireNonNull(line, "line");
        if (!isLoggable(level)) {
            return;
        }
        if (line instanceof Map<?, ?> fields) {
            Map<String, Object> copy = new LinkedHashMap<>();
            fields.forEach((field, value) -> copy.put(String.valueOf(field), value));
            lines.write(level, copy);
        } else {
            message(level, line.toString(), null);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        if (isLoggable(level)) {
            message(level, localized(bundle, message), thrown);
        }
    }

    /** The one parameter of {@code "{0}"}, a {@code Map}, is a structured line; anything else a message. */
    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... parameters) {
        if (JulLines.isFieldsLine(format, parameters)) {
            log(level, parameters[0]);
        } else if (isLoggable(level)) {
            String pattern = localized(bundle, format);
            message(
                    level,
                    parameters == null || parameters.length == 0 ? pattern : MessageFormat.format(pattern, parameters),
                    null);
        }
    }

    private void message(Level level, String message, Throwable thrown) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("logger", name);
        fields.put("message", message);
        if (thrown != null) {
            JsonLines.putFailure(fields, thrown);
        }
        lines.write(level, fields);
    }

    private static String localized(ResourceBundle bundle, String key) {
        if (bundle == null || key == null || !bundle.containsKey(key)) {
            return String.valueOf(key);
        }
        return bundle.getString(key);
    }
}
