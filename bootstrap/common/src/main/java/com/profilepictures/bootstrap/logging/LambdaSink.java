package com.profilepictures.bootstrap.logging;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Where a line goes when Lambda runs this process: one line, one log event, written as the JSON object it is.
 *
 * <p>Lambda's runtime interface client puts its logger in {@link LambdaRuntime#getLogger()} before it loads the
 * handler, and hands a {@code byte[]} to its sink as it is: no JSON wrapper (it wraps only a {@code String}, in
 * {@code message}, under {@code LogFormat: JSON}), no level prefix, and no delimiter of its own. Its sink is one of
 * two. Where Lambda gives it a telemetry file descriptor ({@value #TELEMETRY_FD}: the managed Java runtimes, so
 * the zip functions) each call is one frame, one event, and the line goes as it is. Where it does not (a
 * container image such as the scrape function's) the sink is standard output, which Lambda reads line by line:
 * there the line must end with a newline, or it runs into the next and stays unread until something ends it.
 * Until the client has put its logger in place (or where nothing does) aws-lambda-java-core's own writes to
 * standard output with no newline either; a line then goes to standard output itself, ended.
 */
final class LambdaSink implements BiConsumer<Level, String> {

    /** The descriptor Lambda's managed runtimes give the runtime client to write framed events to. */
    static final String TELEMETRY_FD = "_LAMBDA_TELEMETRY_LOG_FD";

    private final boolean framed;
    private final Supplier<LambdaLogger> runtimeLogger;
    private final Supplier<PrintStream> standardOutput;

    /**
     * {@code framed}: the runtime client writes to Lambda's telemetry descriptor; the logger and standard output
     * are looked up for each line, as the runtime client replaces both after this process starts.
     */
    LambdaSink(boolean framed, Supplier<LambdaLogger> runtimeLogger, Supplier<PrintStream> standardOutput) {
        this.framed = framed;
        this.runtimeLogger = runtimeLogger;
        this.standardOutput = standardOutput;
    }

    /** The sink of this process: framed if Lambda gave it the telemetry descriptor. */
    static LambdaSink forThisProcess(boolean telemetryDescriptorSet) {
        return new LambdaSink(telemetryDescriptorSet, LambdaRuntime::getLogger, () -> System.out);
    }

    boolean framed() {
        return framed;
    }

    @Override
    public void accept(Level level, String line) {
        LambdaLogger logger = runtimeLogger.get();
        if (!isRuntimeClients(logger)) {
            PrintStream out = standardOutput.get();
            out.println(line);
            out.flush();
            return;
        }
        // One call, so that the runtime client's own lines cannot fall between a line and its newline.
        String event = framed ? line : line + "\n";
        logger.log(event.getBytes(StandardCharsets.UTF_8), JsonLines.lambdaLevel(level));
    }

    /**
     * Whether {@code logger} is the one a runtime client put in place, rather than aws-lambda-java-core's default
     * (an anonymous class of {@link LambdaRuntime} that writes to standard output with no delimiter at all).
     */
    static boolean isRuntimeClients(LambdaLogger logger) {
        return logger != null && logger.getClass().getEnclosingClass() != LambdaRuntime.class;
    }
}
