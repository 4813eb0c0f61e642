package com.profilepictures.bootstrap.logging;

import java.io.PrintStream;
import java.lang.System.Logger;
import java.util.Map;
import java.util.Objects;

/**
 * The one logger of every function and of the local API: {@link System.Logger} is the API everywhere, and
 * this finder (registered in {@code META-INF/services} of this jar, so in every function's) makes each
 * logger write one JSON object a line through {@link JsonLines}. A line logged as a {@code Map} of fields
 * (a request's or a stream record's, a metric in CloudWatch's embedded metric format) is written as those
 * fields; a message is written as {@code message}, with the logger's name and any exception.
 */
public final class JsonLoggerFinder extends System.LoggerFinder {

    private static final JsonLines LINES = JsonLines.forThisProcess();

    public JsonLoggerFinder() {}

    @Override
    public Logger getLogger(String name, Module module) {
        return new JsonLogger(name, LINES);
    }

    /**
     * Off Lambda, every line goes to {@code stream} from now on rather than to standard output and error: the
     * local API, which runs every function in its own JVM, keeps their lines in its own log this way.
     */
    public static void writeLocallyTo(PrintStream stream) {
        JsonLines.writeLocallyTo(Objects.requireNonNull(stream, "stream"));
    }

    /**
     * Runs {@code work} with {@code fields} added to every line the current thread writes meanwhile (SnapStart
     * priming marks its request's lines {@code "priming":true} so).
     */
    public static void withFields(Map<String, ?> fields, Runnable work) {
        LINES.withFields(fields, work);
    }
}
