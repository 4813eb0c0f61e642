package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one log line written per stream record, a JSON object like {@link RequestLog}'s: which record, what
 * became of it, and, for a failure, the exception in full.
 */
final class RecordLog {

    private final Map<String, Object> line = new LinkedHashMap<>();

    RecordLog(String eventId, String sequenceNumber) {
        line.put("level", LogLevel.INFO.name());
        line.put("eventID", eventId);
        line.put("sequenceNumber", sequenceNumber);
    }

    RecordLog put(String name, Object value) {
        line.put(name, value);
        return this;
    }

    Object get(String name) {
        return line.get(name);
    }

    RecordLog level(LogLevel level) {
        line.put("level", level.name());
        return this;
    }

    RecordLog failure(Throwable thrown, boolean withStackTrace) {
        line.put("exception", thrown.getClass().getName());
        line.put("message", thrown.getMessage());
        if (withStackTrace) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            line.put("stackTrace", trace.toString());
        }
        return this;
    }

    void write(Context context, long durationMs) {
        line.put("durationMs", durationMs);
        String json = ApiResponses.GSON.toJson(line);
        if (context == null || context.getLogger() == null) {
            // Not under Lambda (the local API's stream poller, a test without a context): stdout is the log.
            System.out.println(json);
            return;
        }
        context.getLogger().log(json, LogLevel.valueOf((String) line.get("level")));
    }
}
