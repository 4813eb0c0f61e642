package com.profilepictures.adapters.dynamodb;

import com.profilepictures.awsclients.ClientTimeouts;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;

/**
 * Builds the one DynamoDB client a process uses, configured so that a call that gets no answer gives
 * up within about {@link #API_CALL_TIMEOUT} instead of holding a request until API Gateway's 29 s limit.
 */
public final class DynamoDbClients {

    // A healthy DynamoDB answers a single-item call in milliseconds; these bound how long a sick one is waited for.
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(2);
    static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofMillis(2500);
    /** The longest one call may take, retries and backoff included (three attempts with backoff fit in it). */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(7);

    static final int MAX_ATTEMPTS = 3;
    static final ClientTimeouts TIMEOUTS = new ClientTimeouts(
            CONNECT_TIMEOUT, SOCKET_TIMEOUT, API_CALL_ATTEMPT_TIMEOUT, API_CALL_TIMEOUT, MAX_ATTEMPTS);

    private DynamoDbClients() {}

    public static DynamoDbClient create(DynamoDbSettings settings) {
        // Fewer attempts than DynamoDB's legacy default, so that retries fit inside the call timeout.
        return builder(settings, TIMEOUTS).build();
    }

    /** A client builder for {@code settings} with other waits: for tests that need more slack or a hook. */
    static DynamoDbClientBuilder builder(DynamoDbSettings settings, ClientTimeouts timeouts) {
        DynamoDbClientBuilder builder =
                timeouts.applyTo(DynamoDbClient.builder(), settings.region(), settings.credentials());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    /**
     * The DynamoDB Streams API where the tables are, with the same region, credentials, endpoint and bounded
     * waits: for reading a table's stream locally as Lambda's event source mapping does (moto serves it on
     * the DynamoDB endpoint).
     */
    public static DynamoDbStreamsClient createStreams(DynamoDbSettings settings) {
        DynamoDbStreamsClientBuilder builder =
                TIMEOUTS.applyTo(DynamoDbStreamsClient.builder(), settings.region(), settings.credentials());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
