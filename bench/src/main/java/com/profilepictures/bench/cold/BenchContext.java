package com.profilepictures.bench.cold;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda context a benchmark hands to an entry class. The handlers log through System.Logger, not
 * through it (warm runs turn that off with {@code LOG_LEVEL=OFF}); its own logger writes where Lambda's does
 * (standard output) in cold runs, and to a discarding stream in warm runs.
 */
public final class BenchContext implements Context {

    private static final PrintStream DISCARD =
            new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);

    private final String requestId;
    private final LambdaLogger logger;

    public BenchContext(String requestId, boolean discardLog) {
        this.requestId = requestId;
        PrintStream out = discardLog ? DISCARD : System.out;
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                out.println(message);
            }

            @Override
            public void log(byte[] message) {
                out.println(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/bench";
    }

    @Override
    public String getLogStreamName() {
        return "bench";
    }

    @Override
    public String getFunctionName() {
        return "bench";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:bench";
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
        return 10_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
