package com.profilepictures.adapters.sqs;

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
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(2);
    static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofMillis(2500);
    /** The longest one call may take, retries and backoff included. */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(7);

    static final int MAX_ATTEMPTS = 3;
    static final ClientTimeouts TIMEOUTS = new ClientTimeouts(
            CONNECT_TIMEOUT, SOCKET_TIMEOUT, API_CALL_ATTEMPT_TIMEOUT, API_CALL_TIMEOUT, MAX_ATTEMPTS);

    private SqsClients() {}

    public static SqsClient create(SqsSettings settings) {
        return builder(settings, TIMEOUTS).build();
    }

    /** A client builder for {@code settings} with other waits: for tests that need less slack. */
    static SqsClientBuilder builder(SqsSettings settings, ClientTimeouts timeouts) {
        SqsClientBuilder builder = timeouts.applyTo(SqsClient.builder(), settings.region(), settings.credentials());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }
}
