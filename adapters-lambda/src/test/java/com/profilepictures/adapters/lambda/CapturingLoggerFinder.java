package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.google.gson.Gson;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * This module's tests' stand-in for bootstrap's logger: every line the handlers write through
 * {@link System.Logger} is kept, per thread, as the JSON object bootstrap's logger would write (its fields
 * after {@code level}), so that a test reads the lines of the requests it made ({@link TestContext#lines()}).
 * Registered in the test resources' {@code META-INF/services}, which the test jar leaves out.
 */
public final class CapturingLoggerFinder extends System.LoggerFinder {

    record Line(LogLevel level, String json) {}

    private static final Gson GSON = new Gson();
    private static final ThreadLocal<List<Line>> LINES = ThreadLocal.withInitial(ArrayList::new);

    public CapturingLoggerFinder() {}

    /** Forgets what the current thread logged so far. */
    static void clear() {
        LINES.get().clear();
    }

    /** What the current thread logged since it last cleared. */
    static List<Line> lines() {
        return List.copyOf(LINES.get());
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new System.Logger() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean isLoggable(Level level) {
                return level.getSeverity() >= Level.INFO.getSeverity();
            }

            @Override
            public void log(Level level, Object line) {
                if (line instanceof Map<?, ?> fields) {
                    keep(level, fields);
                } else {
                    keep(level, Map.of("message", String.valueOf(line)));
                }
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
                keep(level, Map.of("logger", name, "message", String.valueOf(message)));
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String format, Object... parameters) {
                if ("{0}".equals(format) && parameters.length == 1 && parameters[0] instanceof Map<?, ?> fields) {
                    keep(level, fields);
                } else {
                    keep(level, Map.of("logger", name, "message", String.valueOf(format)));
                }
            }
        };
    }

    private static void keep(Level level, Map<?, ?> fields) {
        LogLevel lambdaLevel = switch (level) {
            case ALL, TRACE -> LogLevel.TRACE;
            case DEBUG -> LogLevel.DEBUG;
            case INFO -> LogLevel.INFO;
            case WARNING -> LogLevel.WARN;
            case ERROR, OFF -> LogLevel.ERROR;
        };
        Map<Object, Object> line = new LinkedHashMap<>();
        line.put("level", lambdaLevel.name());
        line.putAll(fields);
        LINES.get().add(new Line(lambdaLevel, GSON.toJson(line)));
    }
}
