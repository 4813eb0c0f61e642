package com.profilepictures.adapters.dynamodb;

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
 * Creates the history table on a local server ({@code make run}, the tests, the bench); in AWS the SAM
 * template creates it with the same keys and indexes, which this class's constants name.
 *
 * <p>One item per picture per account: hash key {@code handle_key}, range key {@code profile_url}, so that
 * recording a picture twice finds its one entry by key. Two local secondary indexes read an account's
 * entries in one query each: {@value #BY_FIRST_SEEN} (range {@code first_seen_at}, newest first when read
 * backwards) and {@value #BY_IMAGE_VERSION} (range {@code image_version}, sparse: entries with a copy).
 * Local, not global, indexes: they can be read consistently, so a page read right after a write shows it.
 */
public final class HistoryTable {

    static final String HANDLE_KEY = "handle_key";
    static final String PROFILE_URL = "profile_url";
    // Numbers (epoch milliseconds), so that the index orders entries by time and conditions compare them.
    static final String FIRST_SEEN_AT = "first_seen_at";
    static final String LAST_SEEN_AT = "last_seen_at";
    static final String IMAGE_VERSION = "image_version";

    public static final String BY_FIRST_SEEN = "by_first_seen";
    public static final String BY_IMAGE_VERSION = "by_image_version";

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
}
