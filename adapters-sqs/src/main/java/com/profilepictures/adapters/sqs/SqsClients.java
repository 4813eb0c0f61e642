package com.profilepictures.adapters.sqs;

import com.profilepictures.awsclients.AwsReach;
import com.profilepictures.awsclients.ClientTimeouts;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Builds the SQS client a process uses, with the URL-connection HTTP client and bounded waits: a queue that
 * does not answer fails the planner's run (or a worker's re-send) within about {@link #API_CALL_TIMEOUT}
 * instead of holding the function until its own timeout.
 */
public final class SqsClients {

    // A healthy SQS takes a batch of ten small messages in milliseconds.
    static final ClientTimeouts TIMEOUTS = ClientTimeouts.SMALL_CALLS;
    /** The longest one call may take, retries and backoff included. */
    public static final Duration API_CALL_TIMEOUT = TIMEOUTS.call();

    private SqsClients() {}

    public static SqsClient create(AwsReach reach) {
        return builder(reach, TIMEOUTS).build();
    }

    /** A client builder for {@code reach} with other waits: for tests that need less slack. */
    static SqsClientBuilder builder(AwsReach reach, ClientTimeouts timeouts) {
        return timeouts.applyTo(SqsClient.builder(), reach);
    }
}
