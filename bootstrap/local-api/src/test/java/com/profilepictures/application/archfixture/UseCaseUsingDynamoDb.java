package com.profilepictures.application.archfixture;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Deliberately bad: a use case must not know DynamoDB. Only ArchitectureTest imports it. */
public final class UseCaseUsingDynamoDb {
    private final DynamoDbClient client;

    public UseCaseUsingDynamoDb(DynamoDbClient client) {
        this.client = client;
    }

    public Object client() {
        return client;
    }
}
