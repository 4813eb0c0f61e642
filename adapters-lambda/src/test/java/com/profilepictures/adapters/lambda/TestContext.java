package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Lambda context whose logger keeps what it is given, so that tests can read the log lines. */
final class TestContext implements Context {

    record LogLine(String message, LogLevel level) {}

    private final String awsRequestId;
    private final List<LogLine> lines = new CopyOnWriteArrayList<>();

    TestContext() {
        this("8f2b4c1d-0e3a-4b5c-9d6e-7f8091a2b3c4");
    }

    TestContext(String awsRequestId) {
        this.awsRequestId = awsRequestId;
    }

    List<LogLine> lines() {
        return List.copyOf(lines);
    }

    /** The one line a request wrote, parsed; fails unless there is exactly one and it is a JSON object. */
    JsonObject onlyLogLine() {
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
