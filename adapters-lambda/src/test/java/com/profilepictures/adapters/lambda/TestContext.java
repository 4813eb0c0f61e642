package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Lambda context for a test's requests, and the log lines they wrote: the handlers log through
 * {@link System.Logger}, which {@link CapturingLoggerFinder} keeps per thread; a new context starts with none.
 * Its own Lambda logger keeps what it is given too, so that a line written there (none should be) is seen.
 */
final class TestContext extends FixedContext {

    record LogLine(String message, LogLevel level) {}

    private final List<LogLine> lines = new CopyOnWriteArrayList<>();

    TestContext() {
        this("8f2b4c1d-0e3a-4b5c-9d6e-7f8091a2b3c4");
    }

    TestContext(String awsRequestId) {
        super(
                awsRequestId,
                "profile-pictures-test",
                "/aws/lambda/profile-pictures-test",
                "2026/11/28/[$LATEST]0123456789abcdef0123456789abcdef",
                "arn:aws:lambda:us-east-1:123456789012:function:profile-pictures-test",
                29_000,
                1024);
        CapturingLoggerFinder.clear();
    }

    /** The lines logged on this thread since this context was made, and any given to its Lambda logger. */
    List<LogLine> lines() {
        List<LogLine> all = new ArrayList<>(lines);
        CapturingLoggerFinder.lines().forEach(line -> all.add(new LogLine(line.json(), line.level())));
        return List.copyOf(all);
    }

    /** The one line a request wrote, parsed; fails unless there is exactly one and it is a JSON object. */
    JsonObject onlyLogLine() {
        List<LogLine> lines = lines();
        if (lines.size() != 1) {
            throw new AssertionError("Expected exactly one log line, got " + lines);
        }
        return JsonParser.parseString(lines.get(0).message()).getAsJsonObject();
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                log(message, LogLevel.UNDEFINED);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8), LogLevel.UNDEFINED);
            }

            @Override
            public void log(String message, LogLevel level) {
                lines.add(new LogLine(message, level));
            }
        };
    }
}
