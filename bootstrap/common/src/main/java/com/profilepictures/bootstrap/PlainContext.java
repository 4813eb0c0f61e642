package com.profilepictures.bootstrap;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.profilepictures.adapters.lambda.FixedContext;
import java.util.Objects;

/**
 * The Lambda context of an invocation that Lambda does not make (SnapStart priming's, a probe's): its request
 * id and function name, the time it is given, and the runtime's logger; nothing about a caller.
 */
public final class PlainContext extends FixedContext {

    public PlainContext(String requestId, String functionName, int remainingTimeInMillis) {
        super(
                Objects.requireNonNull(requestId, "requestId"),
                Objects.requireNonNull(functionName, "functionName"),
                null,
                null,
                null,
                remainingTimeInMillis,
                0);
    }

    @Override
    public LambdaLogger getLogger() {
        return LambdaRuntime.getLogger();
    }
}
