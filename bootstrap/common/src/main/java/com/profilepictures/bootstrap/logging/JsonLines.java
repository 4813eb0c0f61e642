package com.profilepictures.bootstrap.logging;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.google.gson.stream.JsonWriter;
import com.profilepictures.bootstrap.Environment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes log lines, one JSON object each: {@code level} first (Lambda's names: {@code INFO}, {@code WARN},
 * {@code ERROR}), then the fields of the current thread's scope, a {@code timestamp} unless the line has its own,
 * then the line's fields in their order (a request's line carries its {@code requestId}). Nested maps and lists are
 * written as JSON too (CloudWatch's embedded metric format needs them). On Lambda a line goes through
 * {@link LambdaSink}: as bytes through the runtime interface client's logger, which neither wraps nor prefixes
 * them in either log format, ended with a newline where the client writes to standard output (a container
 * image), so that each line is one log event, a top-level JSON object under {@code LogFormat: JSON}; to standard
 * output itself if no runtime client has put its logger in place. Elsewhere to standard output, and to standard
 * error from {@code WARN} on. A line that carries metrics ({@link MetricLines}) is written in CloudWatch's
 * embedded metric format, in the namespace {@code METRICS_NAMESPACE} names.
 */
final class JsonLines {

    // Where the console's lines go instead, when the process names one (the local API: its log stream).
    private static volatile PrintStream console;

    private static final class Process {
        static final JsonLines LINES = forThisProcess();
    }

    private final BiConsumer<Level, String> sink;
    private final Clock clock;
    private final Level threshold;
    private final ThreadLocal<Map<String, Object>> scope = ThreadLocal.withInitial(Map::of);
    private final MetricLines metricLines;

    JsonLines(BiConsumer<Level, String> sink, Clock clock, Level threshold) {
        this(sink, clock, threshold, new MetricLines(MetricLines.DEFAULT_NAMESPACE));
    }

    JsonLines(BiConsumer<Level, String> sink, Clock clock, Level threshold, MetricLines metricLines) {
        this.sink = sink;
        this.clock = clock;
        this.threshold = threshold;
        this.metricLines = metricLines;
    }

    /**
     * Lambda's runtime when it runs this process (it sets {@code AWS_LAMBDA_RUNTIME_API}; {@link LambdaSink}), else
     * the console;
     * from {@code INFO} up, or from the {@code LOG_LEVEL} the environment names ({@code WARNING}, {@code OFF}…).
     */
    static JsonLines forThisProcess() {
        Environment environment = Environment.current();
        return new JsonLines(
                sinkFor(environment),
                Clock.systemUTC(),
                threshold(environment.get("LOG_LEVEL").orElse("INFO")),
                new MetricLines(environment.get("METRICS_NAMESPACE").orElse(MetricLines.DEFAULT_NAMESPACE)));
    }

    /** Lambda's runtime ({@link LambdaSink}) where the environment says it runs the process, else the console. */
    static BiConsumer<Level, String> sinkFor(Environment environment) {
        if (environment.isSet("AWS_LAMBDA_RUNTIME_API")) {
            return LambdaSink.forThisProcess(environment.isSet(LambdaSink.TELEMETRY_FD));
        }
        return JsonLines::toConsole;
    }

    /** A level by System.Logger's name or Lambda's ({@code WARN}), any case; {@code INFO} for a name it is not. */
    static Level threshold(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("WARN")) {
            return Level.WARNING;
        }
        try {
            return Level.valueOf(upper);
        } catch (IllegalArgumentException unknown) {
            // A typo in the environment must not cost the function its logs.
            return Level.INFO;
        }
    }

    /** The lines of this process, which every logger of it writes through. */
    static JsonLines ofThisProcess() {
        return Process.LINES;
    }

    Level threshold() {
        return threshold;
    }

    boolean isLoggable(Level level) {
        return level != Level.OFF && threshold != Level.OFF && level.getSeverity() >= threshold.getSeverity();
    }

    void write(Level level, Map<String, Object> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", lambdaLevel(level).name());
        line.putAll(scope.get());
        if (!fields.containsKey("timestamp")) {
            line.put("timestamp", clock.instant().toString());
        }
        line.putAll(fields);
        if (line.get(MetricLines.FIELD) instanceof Map<?, ?> metrics) {
            metricLines.embed(line, metrics);
        }
        sink.accept(level, json(line));
    }

    void withFields(Map<String, ?> fields, Runnable work) {
        Map<String, Object> outer = scope.get();
        Map<String, Object> inner = new LinkedHashMap<>(outer);
        inner.putAll(fields);
        scope.set(Map.copyOf(inner));
        try {
            work.run();
        } finally {
            scope.set(outer);
        }
    }

    static String json(Map<String, Object> line) {
        StringWriter text = new StringWriter();
        try (JsonWriter out = new JsonWriter(text)) {
            out.setHtmlSafe(false);
            out.setSerializeNulls(true);
            value(out, line);
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException("A StringWriter does not fail", cannotHappen);
        }
        return text.toString();
    }

    private static void value(JsonWriter out, Object value) throws IOException {
        switch (value) {
            case null -> out.nullValue();
            case String text -> out.value(text);
            case Boolean flag -> out.value(flag);
            case Number number -> out.value(number);
            case Map<?, ?> map -> {
                out.beginObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.name(String.valueOf(entry.getKey()));
                    value(out, entry.getValue());
                }
                out.endObject();
            }
            case Collection<?> list -> {
                out.beginArray();
                for (Object item : list) {
                    value(out, item);
                }
                out.endArray();
            }
            default -> out.value(value.toString());
        }
    }

    /**
     * What a line says of {@code thrown}: its class, where it was thrown (the first frame of this code base's, else
     * the first frame) and its root cause. Never its stack trace: a line stays one short object a query can read,
     * and a trace may carry what no message would.
     */
    static void putFailure(Map<String, Object> fields, Throwable thrown) {
        fields.put("exception", thrown.getClass().getName());
        StackTraceElement[] frames = thrown.getStackTrace();
        Arrays.stream(frames)
                .filter(frame -> frame.getClassName().startsWith("com.profilepictures."))
                .findFirst()
                .or(() -> Arrays.stream(frames).findFirst())
                .ifPresent(frame -> fields.put("where", frame.toString()));
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != thrown) {
            fields.put("cause", root.getClass().getName() + ": " + root.getMessage());
        }
    }

    static LogLevel lambdaLevel(Level level) {
        return switch (level) {
            case ALL, TRACE -> LogLevel.TRACE;
            case DEBUG -> LogLevel.DEBUG;
            case INFO -> LogLevel.INFO;
            case WARNING -> LogLevel.WARN;
            case ERROR, OFF -> LogLevel.ERROR;
        };
    }

    static void writeLocallyTo(PrintStream stream) {
        console = stream;
    }

    private static void toConsole(Level level, String line) {
        PrintStream named = console;
        if (named != null) {
            named.println(line);
        } else if (level.getSeverity() >= Level.WARNING.getSeverity()) {
            System.err.println(line);
        } else {
            System.out.println(line);
        }
    }
}
