package com.profilepictures.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.profilepictures.awsclients.AwsClientsContract;
import com.profilepictures.awsclients.CredentialsSource;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DynamoDbClientsTest extends AwsClientsContract {

    DynamoDbClientsTest() {
        super(
                Duration.ofSeconds(8),
                (region, endpoint, credentials) ->
                        DynamoDbClients.create(new DynamoDbSettings("pictures", region, endpoint, credentials)));
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
