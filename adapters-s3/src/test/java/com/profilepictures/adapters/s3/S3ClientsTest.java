package com.profilepictures.adapters.s3;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.profilepictures.awsclients.AwsClientsContract;
import com.profilepictures.awsclients.CredentialsSource;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3ClientsTest extends AwsClientsContract {

    S3ClientsTest() {
        super(
                Duration.ofSeconds(12),
                (region, endpoint, credentials) ->
                        S3Clients.create(new S3Settings("pictures", region, endpoint, credentials)));
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
