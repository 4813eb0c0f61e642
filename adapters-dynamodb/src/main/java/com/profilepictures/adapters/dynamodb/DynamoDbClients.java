package com.profilepictures.adapters.dynamodb;

import com.profilepictures.awsclients.ClientTimeouts;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Builds the one DynamoDB client a process uses, configured so that a call that gets no answer gives
 * up within about {@link #API_CALL_TIMEOUT} instead of holding a request until API Gateway's 29 s limit.
 */
public final class DynamoDbClients {

    // A healthy DynamoDB answers a single-item call in milliseconds.
    static final ClientTimeouts TIMEOUTS = ClientTimeouts.SMALL_CALLS;
    /** The longest one call may take, retries and backoff included (three attempts with backoff fit in it). */
    public static final Duration API_CALL_TIMEOUT = TIMEOUTS.call();

    private DynamoDbClients() {}

    public static DynamoDbClient create(DynamoDbSettings settings) {
        // Fewer attempts than DynamoDB's legacy default, so that retries fit inside the call timeout.
        return builder(settings, TIMEOUTS).build();
    }

    /** A client builder for {@code settings} with other waits: for tests that need more slack or a hook. */
    static DynamoDbClientBuilder builder(DynamoDbSettings settings, ClientTimeouts timeouts) {
        return timeouts.applyTo(DynamoDbClient.builder(), settings);
    }

    /**
     * The DynamoDB Streams API where the tables are, with the same region, credentials, endpoint and bounded
     * waits: for reading a table's stream locally as Lambda's event source mapping does (moto serves it on
     * the DynamoDB endpoint).
     */
    public static DynamoDbStreamsClient createStreams(DynamoDbSettings settings) {
        return TIMEOUTS.applyTo(DynamoDbStreamsClient.builder(), settings).build();
    }
}
