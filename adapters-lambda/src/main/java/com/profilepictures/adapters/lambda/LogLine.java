package com.profilepictures.adapters.lambda;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The one log line written per request or per stream record: fields, not a sentence, so that the logger
 * writes them as one JSON object (bootstrap's {@code JsonLoggerFinder}) and a query can filter on any of them.
 * It carries its own {@code timestamp} and {@code requestId}, then what was asked and how it ended, never a
 * request body, a header or a secret. It goes through {@link System.Logger} like every other line, as the one
 * parameter of the format {@code "{0}"}: a {@code Map} of fields, which bootstrap's logger writes as they are
 * whichever backend the JDK chose for System.Logger.
 */
final class LogLine {

    private static final System.Logger LOGGER = System.getLogger(LogLine.class.getPackageName());
    private static final int MAX_DETAIL_LENGTH = 300;

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private Level level = Level.INFO;

    /** A line about what started at {@code timestamp}, under {@code requestId} (if there is one). */
    LogLine(Instant timestamp, String requestId) {
        fields.put("timestamp", timestamp.toString());
        if (requestId != null) {
            fields.put("requestId", requestId);
        }
    }

    /** Adds a field; strings are cut short so that no line grows without bound. */
    LogLine put(String name, Object value) {
        if (value instanceof String text && text.length() > MAX_DETAIL_LENGTH) {
            value = text.substring(0, MAX_DETAIL_LENGTH) + "…";
        }
        fields.put(name, value);
        return this;
    }

    Object get(String name) {
        return fields.get(name);
    }

    /** How the line is filed: {@code INFO} unless something says otherwise. */
    LogLine level(Level level) {
        this.level = level;
        return this;
    }

    Level level() {
        return level;
    }

    /**
     * What went wrong: its class and message, and for a fault (a bug, nothing the message explains) its stack
     * trace in full, since no answer says anything of it.
     */
    LogLine failure(Throwable thrown, boolean withStackTrace) {
        fields.put("exception", thrown.getClass().getName());
        fields.put("message", String.valueOf(thrown.getMessage()));
        if (withStackTrace) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            fields.put("stackTrace", trace.toString());
        }
        return this;
    }

    /**
     * Counts this line as one of {@code metric}, by the line's own fields {@code dimensions}: the one logger writes
     * it in CloudWatch's embedded metric format (bootstrap's {@code MetricLines}). The dimensions' values must
     * come from bounded sets (a source, an outcome, a code), never a handle: each combination is a metric billed.
     */
    LogLine count(String metric, String... dimensions) {
        return count(metric, 1, dimensions);
    }

    /** Counts this line as {@code value} of {@code metric} (a run that did many of one thing writes one line). */
    LogLine count(String metric, long value, String... dimensions) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("dimensions", List.of(dimensions));
        metrics.put("values", Map.of(metric, value));
        fields.put("metrics", metrics);
        return this;
    }

    /** Writes the line, {@code durationMs} last; a line that cannot be written never costs the caller its answer. */
    void write(long durationMs) {
        fields.put("durationMs", durationMs);
        try {
            LOGGER.log(level, (ResourceBundle) null, "{0}", Collections.unmodifiableMap(fields));
        } catch (RuntimeException logFailure) {
            // Nothing is left to tell it to.
        }
    }
}
