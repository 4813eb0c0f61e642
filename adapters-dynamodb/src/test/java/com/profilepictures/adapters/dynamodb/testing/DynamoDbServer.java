package com.profilepictures.adapters.dynamodb.testing;

import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.awsclients.CredentialsSource;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/** Where a DynamoDB-compatible server for tests answers, and the settings that reach it. */
public record DynamoDbServer(URI endpoint) {

    /** Moto accepts any region; the tests all use this one so that they see the same tables. */
    public static final String REGION = "us-east-1";

    /** A table name no other test uses, so that tests sharing a server need no clean-up. */
    public static String uniqueTableName(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Settings that reach this server with dummy credentials. */
    public DynamoDbSettings settings(String tableName) {
        return new DynamoDbSettings(tableName, REGION, Optional.of(endpoint), CredentialsSource.DUMMY);
    }
}
