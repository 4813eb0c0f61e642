package com.profilepictures.bootstrap.logging;

import java.io.PrintStream;
import java.lang.System.Logger;
import java.util.Map;
import java.util.Objects;

/**
 * The one logger of every function and of the local API: {@link System.Logger} is the API everywhere, and
 * this finder (registered in {@code META-INF/services} of this jar, so in every function's) makes each
 * logger write one JSON object a line through {@link JsonLines}. A line of fields (a request's or a stream
 * record's, a metric in CloudWatch's embedded metric format) is logged as the one parameter of the format
 * {@code "{0}"}, a {@code Map}, and written as those fields; a message is written as {@code message}, with the
 * logger's name and any exception.
 *
 * <p>The JDK looks for a finder on the system class path only. Lambda's managed runtimes load a function's
 * jar with a class loader of their own, so there the JDK never sees this one and hands System.Logger to
 * java.util.logging: {@link #install()}, which every entry class calls, then makes java.util.logging write
 * the same lines ({@link JulLines}).
 */
public final class JsonLoggerFinder extends System.LoggerFinder {

    public JsonLoggerFinder() {}

    @Override
    public Logger getLogger(String name, Module module) {
        return new JsonLogger(name, JsonLines.ofThisProcess());
    }

    /**
     * Makes System.Logger write this process's JSON lines, whichever backend the JDK chose: nothing to do
     * where it found this finder; where it did not, java.util.logging's root handlers are replaced by one
     * writing the same lines. Safe to call more than once.
     */
    public static synchronized void install() {
        if (System.LoggerFinder.getLoggerFinder() instanceof JsonLoggerFinder) {
            return;
        }
        JulLines.install(JsonLines.ofThisProcess());
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
        JsonLines.ofThisProcess().withFields(fields, work);
    }
}
