package com.profilepictures.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.awsclients.CredentialsSource;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbClientsTest {

    @Test
    void aCallGivesUpWithinEightSecondsAfterAtMostThreeAttempts() {
        var settings = new DynamoDbSettings("pictures", "eu-west-1", Optional.empty(), CredentialsSource.ENVIRONMENT);

        try (DynamoDbClient client = DynamoDbClients.create(settings)) {

            ClientOverrideConfiguration override =
                    client.serviceClientConfiguration().overrideConfiguration();
            assertTrue(override.apiCallTimeout().orElseThrow().compareTo(Duration.ofSeconds(8)) <= 0);
            assertTrue(override.apiCallAttemptTimeout()
                            .orElseThrow()
                            .compareTo(override.apiCallTimeout().orElseThrow())
                    < 0);
            assertEquals(3, override.retryStrategy().orElseThrow().maxAttempts());
            assertEquals(Region.EU_WEST_1, client.serviceClientConfiguration().region());
        }
    }

    @Test
    void anEndpointOverrideIsUsed() {
        var endpoint = URI.create("http://127.0.0.1:4566");
        var settings = new DynamoDbSettings("pictures", "us-east-1", Optional.of(endpoint), CredentialsSource.DUMMY);

        try (DynamoDbClient client = DynamoDbClients.create(settings)) {

            assertEquals(
                    Optional.of(endpoint), client.serviceClientConfiguration().endpointOverride());
        }
    }

    @Test
    void blankTableNameOrRegionIsRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new DynamoDbSettings(" ", "us-east-1", Optional.empty(), CredentialsSource.DEFAULT_CHAIN));
        assertThrows(
                IllegalArgumentException.class,
                () -> new DynamoDbSettings("pictures", "", Optional.empty(), CredentialsSource.DEFAULT_CHAIN));
    }
}
