package com.profilepictures.adapters.s3;

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
import software.amazon.awssdk.services.s3.S3Client;

class S3ClientsTest {

    @Test
    void aCallGivesUpWithinTwelveSecondsAfterAtMostThreeAttempts() {
        var settings = new S3Settings("pictures", "eu-west-1", Optional.empty(), CredentialsSource.ENVIRONMENT);

        try (S3Client client = S3Clients.create(settings)) {

            ClientOverrideConfiguration override =
                    client.serviceClientConfiguration().overrideConfiguration();
            assertTrue(override.apiCallTimeout().orElseThrow().compareTo(Duration.ofSeconds(12)) <= 0);
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
        var settings = new S3Settings("pictures", "us-east-1", Optional.of(endpoint), CredentialsSource.DUMMY);

        try (S3Client client = S3Clients.create(settings)) {

            assertEquals(
                    Optional.of(endpoint), client.serviceClientConfiguration().endpointOverride());
        }
    }

    @Test
    void blankBucketOrRegionIsRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new S3Settings(" ", "us-east-1", Optional.empty(), CredentialsSource.DEFAULT_CHAIN));
        assertThrows(
                IllegalArgumentException.class,
                () -> new S3Settings("pictures", "", Optional.empty(), CredentialsSource.DEFAULT_CHAIN));
    }
}
