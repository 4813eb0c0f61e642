package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
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
final class TestContext implements Context {

    record LogLine(String message, LogLevel level) {}

    private final String awsRequestId;
    private final List<LogLine> lines = new CopyOnWriteArrayList<>();

    TestContext() {
        this("8f2b4c1d-0e3a-4b5c-9d6e-7f8091a2b3c4");
    }

    TestContext(String awsRequestId) {
        this.awsRequestId = awsRequestId;
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
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/profile-pictures-test";
    }

    @Override
    public String getLogStreamName() {
        return "2026/11/28/[$LATEST]0123456789abcdef0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
        return "profile-pictures-test";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:profile-pictures-test";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 29_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
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
