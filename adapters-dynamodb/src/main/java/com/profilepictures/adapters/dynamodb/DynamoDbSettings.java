package com.profilepictures.adapters.dynamodb;

import com.profilepictures.awsclients.AwsReach;
import com.profilepictures.awsclients.CredentialsSource;
import java.net.URI;
import java.util.Optional;

/**
 * Where the pictures table is and how to reach it. Bootstrap reads the environment into this record;
 * the adapter never reads the environment itself.
 */
public record DynamoDbSettings(String tableName, String region, Optional<URI> endpoint, CredentialsSource credentials)
        implements AwsReach {

    public DynamoDbSettings {
        AwsReach.named(tableName, "A DynamoDB table name");
        AwsReach.check(region, endpoint, credentials);
    }
}
