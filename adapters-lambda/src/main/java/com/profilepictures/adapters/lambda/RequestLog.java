package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one log line written per request, itself a JSON object: readable as is in Lambda's text log
 * format, and nested as the message in its JSON format. It holds what was asked and how it ended,
 * never a request body, a header or a secret.
 */
final class RequestLog {

    private static final int MAX_DETAIL_LENGTH = 300;

    private final String requestId;
    private final String method;
    private final String route;
    private final Map<String, Object> details = new LinkedHashMap<>();
    private Throwable fault;

    RequestLog(String requestId, String method, String route) {
        this.requestId = requestId;
        this.method = method;
        this.route = route;
    }

    /** Adds a field after the fixed ones; strings are cut short so that no line grows without bound. */
    RequestLog put(String name, Object value) {
        if (value instanceof String text && text.length() > MAX_DETAIL_LENGTH) {
            value = text.substring(0, MAX_DETAIL_LENGTH) + "…";
        }
        details.put(name, value);
        return this;
    }

    /** The exception behind a 500: logged in full, since the response says nothing of it. */
    void fault(Throwable thrown) {
        this.fault = thrown;
    }

    void write(Context context, int status, String code, long durationMs) {
        Map<String, Object> line = new LinkedHashMap<>();
        LogLevel level = status >= 500 ? (fault != null ? LogLevel.ERROR : LogLevel.WARN) : LogLevel.INFO;
        line.put("level", level.name());
        line.put("requestId", requestId);
        line.put("method", method);
        line.put("route", route);
        line.put("status", status);
        if (code != null) {
            line.put("code", code);
        }
        line.put("durationMs", durationMs);
        line.putAll(details);
        if (fault != null) {
            line.put("exception", fault.getClass().getName());
            line.put("stackTrace", stackTrace(fault));
        }
        String json = ApiResponses.GSON.toJson(line);
        LambdaLogger logger = context == null ? null : context.getLogger();
        if (logger == null) {
            // Not under Lambda (a local server, a test without a context): stdout is the log.
            System.out.println(json);
        } else {
            logger.log(json, level);
        }
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
