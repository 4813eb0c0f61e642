package com.profilepictures.awsclients;

import java.util.function.BiFunction;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** What a failed AWS call means to its caller: the one reading every AWS adapter gives the SDK's exceptions. */
public final class SdkFailures {

    private SdkFailures() {}

    /**
     * Whether {@code e} is an outage, worth another try later: no answer (timeouts, refused or reset connections),
     * a server error or throttling, all after the client's retries. Anything else the service refuses (a missing
     * table or bucket, a malformed request, denied access) is a bug or a misconfiguration that waiting will not fix.
     */
    public static boolean isOutage(SdkException e) {
        return switch (e) {
            case AwsServiceException refused -> refused.statusCode() >= 500 || refused.isThrottlingException();
            case SdkClientException unanswered -> true;
            default -> false;
        };
    }

    /**
     * The exception a failed call to {@code resource} (e.g. {@code "DynamoDB table pictures"}) becomes: an outage
     * is {@code outage}'s, anything else an {@link IllegalStateException}. The message is ours; the SDK's text stays
     * in the cause, for the logs.
     */
    public static RuntimeException failure(
            String resource,
            String action,
            SdkException e,
            BiFunction<String, Throwable, ? extends RuntimeException> outage) {
        if (isOutage(e)) {
            return outage.apply(
                    resource + " did not answer in time, even after retries, when asked to " + action + ".", e);
        }
        return new IllegalStateException(resource + " refused to " + action + ".", e);
    }
}
