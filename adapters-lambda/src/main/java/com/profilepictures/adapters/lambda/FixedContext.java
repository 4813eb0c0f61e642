package com.profilepictures.adapters.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;

/**
 * The Lambda context of an invocation that Lambda does not make (SnapStart priming's, a probe's, the local API's,
 * a test's): its details are fixed when it is made, and there is nothing about a caller (no identity, no client
 * context). Each kind says where its log lines go.
 */
public abstract class FixedContext implements Context {

    private final String awsRequestId;
    private final String functionName;
    private final String logGroupName;
    private final String logStreamName;
    private final String invokedFunctionArn;
    private final int remainingTimeInMillis;
    private final int memoryLimitInMB;

    protected FixedContext(
            String awsRequestId,
            String functionName,
            String logGroupName,
            String logStreamName,
            String invokedFunctionArn,
            int remainingTimeInMillis,
            int memoryLimitInMB) {
        this.awsRequestId = awsRequestId;
        this.functionName = functionName;
        this.logGroupName = logGroupName;
        this.logStreamName = logStreamName;
        this.invokedFunctionArn = invokedFunctionArn;
        this.remainingTimeInMillis = remainingTimeInMillis;
        this.memoryLimitInMB = memoryLimitInMB;
    }

    @Override
    public final String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public final String getLogGroupName() {
        return logGroupName;
    }

    @Override
    public final String getLogStreamName() {
        return logStreamName;
    }

    @Override
    public final String getFunctionName() {
        return functionName;
    }

    @Override
    public final String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public final String getInvokedFunctionArn() {
        return invokedFunctionArn;
    }

    @Override
    public final CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public final ClientContext getClientContext() {
        return null;
    }

    @Override
    public final int getRemainingTimeInMillis() {
        return remainingTimeInMillis;
    }

    @Override
    public final int getMemoryLimitInMB() {
        return memoryLimitInMB;
    }
}
