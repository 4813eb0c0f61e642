package com.profilepictures.awsclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsServiceClientConfiguration;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;

/**
 * What every AWS adapter's client factory gives: waits bounded within the adapter's own limit, at most three
 * attempts a call, the region asked for, and a local server's endpoint when there is one. An adapter's test
 * extends it, saying how the adapter builds a client from its settings.
 */
public abstract class AwsClientsContract {

    /** How the adapter builds its client from settings with this region, endpoint and credentials. */
    @FunctionalInterface
    protected interface Factory {
        SdkClient client(String region, Optional<URI> endpoint, CredentialsSource credentials);
    }

    private final Duration longestCall;
    private final Factory factory;

    /**
     * @param longestCall the longest one call of the adapter's client may take, retries and backoff included
     * @param factory     how the adapter builds it
     */
    protected AwsClientsContract(Duration longestCall, Factory factory) {
        this.longestCall = longestCall;
        this.factory = factory;
    }

    @Test
    void aCallGivesUpWithinTheAdaptersLimitAfterAtMostThreeAttempts() {
        try (SdkClient client = factory.client("eu-west-1", Optional.empty(), CredentialsSource.ENVIRONMENT)) {

            var configuration =
                    assertInstanceOf(AwsServiceClientConfiguration.class, client.serviceClientConfiguration());
            ClientOverrideConfiguration override = configuration.overrideConfiguration();
            assertTrue(override.apiCallTimeout().orElseThrow().compareTo(longestCall) <= 0);
            assertTrue(override.apiCallAttemptTimeout()
                            .orElseThrow()
                            .compareTo(override.apiCallTimeout().orElseThrow())
                    < 0);
            assertEquals(3, override.retryStrategy().orElseThrow().maxAttempts());
            assertEquals(Region.EU_WEST_1, configuration.region());
        }
    }

    @Test
    void anEndpointOverrideIsUsed() {
        var endpoint = URI.create("http://127.0.0.1:4566");

        try (SdkClient client = factory.client("us-east-1", Optional.of(endpoint), CredentialsSource.DUMMY)) {

            assertEquals(
                    Optional.of(endpoint), client.serviceClientConfiguration().endpointOverride());
        }
    }
}
