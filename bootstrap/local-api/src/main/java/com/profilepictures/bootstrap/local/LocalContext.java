package com.profilepictures.bootstrap.local;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.profilepictures.adapters.lambda.FixedContext;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The Lambda context of one local invocation; the function's log lines go to standard output. */
final class LocalContext extends FixedContext {

    private final LambdaLogger logger;

    LocalContext(String requestId, String functionName, PrintStream log) {
        super(
                requestId,
                functionName,
                "/local/" + functionName,
                "local",
                "arn:aws:lambda:local:000000000000:function:" + functionName,
                29_000,
                2048);
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                log.println(message);
            }

            @Override
            public void log(byte[] message) {
                log.println(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
