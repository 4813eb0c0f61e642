package com.profilepictures.adapters.dynamodb.testing;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * Creating a table on a local moto server once, whoever asks first: what the tests' {@code PictureTable} and
 * {@code HistoryTable} share with {@code make run}'s tables made from the template (local-api, which is not shipped,
 * uses this test-jar for it).
 */
public final class TableCreation {

    private TableCreation() {}

    /**
     * Runs {@code create} unless the table exists, and returns once it is active. Safe to call from several
     * processes at once.
     */
    public static void createIfMissing(DynamoDbClient client, String tableName, Runnable create) {
        try {
            create.run();
        } catch (ResourceInUseException alreadyThere) {
            // Created earlier, or by a concurrent creator that won the race: either way it exists (or soon will).
        } catch (SdkException e) {
            throw new IllegalStateException("Could not create DynamoDB table " + tableName + ": " + e.getMessage(), e);
        }
        try {
            client.waiter().waitUntilTableExists(builder -> builder.tableName(tableName));
        } catch (SdkException e) {
            throw new IllegalStateException(
                    "DynamoDB table " + tableName + " did not become active: " + e.getMessage(), e);
        }
    }
}
