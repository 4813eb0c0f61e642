package com.profilepictures.bootstrap.logging;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * java.util.logging's one handler where the JDK gave System.Logger to it ({@link JsonLoggerFinder#install()}):
 * each record becomes the line {@link JsonLogger} would have written for the same call.
 */
final class JulLines extends Handler {

    private final JsonLines lines;
    private final SimpleFormatter messages = new SimpleFormatter();

    JulLines(JsonLines lines) {
        this.lines = lines;
    }

    /** Replaces the root logger's handlers with one writing {@code lines}, from their threshold up. */
    static void install(JsonLines lines) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof JulLines) {
                return;
            }
        }
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(new JulLines(lines));
        root.setLevel(julLevel(lines.threshold()));
    }

    /** A line of fields: the format {@code "{0}"} and one parameter, a {@code Map}. */
    static boolean isFieldsLine(String format, Object[] parameters) {
        return "{0}".equals(format) && parameters != null && parameters.length == 1 && parameters[0] instanceof Map;
    }

    @Override
    public void publish(LogRecord record) {
        Level level = level(record.getLevel());
        if (!lines.isLoggable(level)) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (isFieldsLine(record.getMessage(), record.getParameters())) {
            ((Map<?, ?>) record.getParameters()[0]).forEach((name, value) -> fields.put(String.valueOf(name), value));
        } else {
            fields.put("logger", record.getLoggerName());
            fields.put("message", messages.formatMessage(record));
            if (record.getThrown() != null) {
                JsonLines.putFailure(fields, record.getThrown());
            }
        }
        lines.write(level, fields);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    static Level level(java.util.logging.Level level) {
        int value = level.intValue();
        if (value >= java.util.logging.Level.SEVERE.intValue()) {
            return Level.ERROR;
        }
        if (value >= java.util.logging.Level.WARNING.intValue()) {
            return Level.WARNING;
        }
        if (value >= java.util.logging.Level.INFO.intValue()) {
            return Level.INFO;
        }
        if (value >= java.util.logging.Level.FINE.intValue()) {
            return Level.DEBUG;
        }
        return Level.TRACE;
    }

    private static java.util.logging.Level julLevel(Level level) {
        return switch (level) {
            case ALL -> java.util.logging.Level.ALL;
            case TRACE -> java.util.logging.Level.FINEST;
            case DEBUG -> java.util.logging.Level.FINE;
            case INFO -> java.util.logging.Level.INFO;
            case WARNING -> java.util.logging.Level.WARNING;
            case ERROR -> java.util.logging.Level.SEVERE;
            case OFF -> java.util.logging.Level.OFF;
        };
    }
}
