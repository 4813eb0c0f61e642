package com.profilepictures.awsclients;

import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * How long an AWS client waits, so that a store that does not answer fails the request in bounded time
 * instead of holding it until the function's own timeout.
 *
 * @param connect     to open a connection
 * @param socket      for the next bytes of an answer
 * @param attempt     for one attempt
 * @param call        for one call, retries and backoff included
 * @param maxAttempts attempts per call, in standard mode with the AWS retry conditions (throttling, 5xx, I/O)
 */
public record ClientTimeouts(Duration connect, Duration socket, Duration attempt, Duration call, int maxAttempts) {

    /**
     * For calls that move a few KiB (a DynamoDB item, ten queue messages), which a healthy service answers in
     * milliseconds: these bound how long a sick one is waited for, three attempts with backoff within 7 s.
     */
    public static final ClientTimeouts SMALL_CALLS = new ClientTimeouts(
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(2500), Duration.ofSeconds(7), 3);

    public ClientTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(call, "call");
        if (attempt.compareTo(call) > 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("An attempt fits in its call, and a call makes at least one: " + this);
        }
    }

    /**
     * Sets {@code builder}'s region, credentials, URL-connection HTTP client and these waits. An explicit region
     * and credentials provider spare the cold start the SDK's probing for them.
     */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B applyTo(
            B builder, String region, CredentialsSource credentials) {
        builder.region(Region.of(region)).credentialsProvider(credentials.provider());
        builder.httpClientBuilder(
                UrlConnectionHttpClient.builder().connectionTimeout(connect).socketTimeout(socket));
        builder.overrideConfiguration(override -> override.apiCallAttemptTimeout(attempt)
                .apiCallTimeout(call)
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(maxAttempts)
                        .build()));
        return builder;
    }

    /** As {@link #applyTo(AwsClientBuilder, String, CredentialsSource)}, with {@code reach}'s endpoint if it has one. */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B applyTo(B builder, AwsReach reach) {
        applyTo(builder, reach.region(), reach.credentials());
        reach.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }
}
