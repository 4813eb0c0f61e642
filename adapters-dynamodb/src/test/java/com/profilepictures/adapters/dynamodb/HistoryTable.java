package com.profilepictures.adapters.dynamodb;

import static com.profilepictures.adapters.dynamodb.HistoryItem.BY_FIRST_SEEN;
import static com.profilepictures.adapters.dynamodb.HistoryItem.BY_IMAGE_VERSION;
import static com.profilepictures.adapters.dynamodb.HistoryItem.FIRST_SEEN_AT;
import static com.profilepictures.adapters.dynamodb.HistoryItem.HANDLE_KEY;
import static com.profilepictures.adapters.dynamodb.HistoryItem.IMAGE_VERSION;
import static com.profilepictures.adapters.dynamodb.HistoryItem.PROFILE_URL;

import com.profilepictures.adapters.dynamodb.testing.DynamoDbServer;
import com.profilepictures.adapters.dynamodb.testing.TableCreation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates the history table on a test's own moto server, with the keys and indexes {@link HistoryItem} names.
 * Test code only (this module's test-jar): {@code make run} creates its tables from the template's own
 * resources, and in AWS the template creates them, so no shipped jar carries a table's creation.
 */
public final class HistoryTable {

    private HistoryTable() {}

    /** As {@link #createIfMissing(DynamoDbClient, String)}, through a client of its own. */
    public static void createIfMissing(DynamoDbSettings settings, String tableName) {
        try (DynamoDbClient client = DynamoDbClients.create(settings)) {
            createIfMissing(client, tableName);
        }
    }

    /**
     * Creates the table, billed on demand, unless it exists, and returns once it is active. Safe to call
     * from several processes at once.
     */
    public static void createIfMissing(DynamoDbClient client, String tableName) {
        TableCreation.createIfMissing(
                client,
                tableName,
                () -> client.createTable(request -> request.tableName(tableName)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(
                                attribute(HANDLE_KEY, ScalarAttributeType.S),
                                attribute(PROFILE_URL, ScalarAttributeType.S),
                                attribute(FIRST_SEEN_AT, ScalarAttributeType.N),
                                attribute(IMAGE_VERSION, ScalarAttributeType.S))
                        .keySchema(key(HANDLE_KEY, KeyType.HASH), key(PROFILE_URL, KeyType.RANGE))
                        .localSecondaryIndexes(
                                index(BY_FIRST_SEEN, FIRST_SEEN_AT), index(BY_IMAGE_VERSION, IMAGE_VERSION))));
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    // Every attribute projected: an entry is a handful of small attributes, and a page needs them all.
    private static LocalSecondaryIndex index(String name, String rangeKey) {
        return LocalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(key(HANDLE_KEY, KeyType.HASH), key(rangeKey, KeyType.RANGE))
                .projection(
                        Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    /** Creates a table of a name no other test uses, beginning with {@code prefix}, and returns the name. */
    public static String createUnique(DynamoDbClient client, String prefix) {
        String tableName = DynamoDbServer.uniqueTableName(prefix);
        createIfMissing(client, tableName);
        return tableName;
    }
}
