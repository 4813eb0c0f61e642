package com.profilepictures.adapters.dynamodb;

import com.profilepictures.adapters.dynamodb.testing.DynamoDbServer;
import com.profilepictures.adapters.dynamodb.testing.TableCreation;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Creates the pictures table on a test's own moto server. Test code only (this module's test-jar):
 * {@code make run} and the bench create their tables from the template's own resources, and in AWS the
 * template creates them, so no shipped jar carries this. The key comes from the items' own schema, so
 * the table cannot disagree with what the repository writes. Its stream carries new and old images: the
 * archive tells a scrape's write from its own by comparing them.
 */
public final class PictureTable {

    private PictureTable() {}

    /** As {@link #createIfMissing(DynamoDbClient, String)}, through a client of its own. */
    public static void createIfMissing(DynamoDbSettings settings) {
        try (DynamoDbClient client = DynamoDbClients.create(settings)) {
            createIfMissing(client, settings.tableName());
        }
    }

    /**
     * Creates the table, billed on demand, unless it exists, and returns once it is active. Safe to call
     * from several processes at once.
     */
    public static void createIfMissing(DynamoDbClient client, String tableName) {
        // Without provisioned throughput the enhanced client asks for on-demand billing, as the template does.
        TableCreation.createIfMissing(
                client,
                tableName,
                () -> DynamoDbEnhancedClient.builder()
                        .dynamoDbClient(client)
                        .extensions()
                        .build()
                        .table(tableName, PictureItem.SCHEMA)
                        .createTable(request -> request.streamSpecification(stream ->
                                stream.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))));
    }

    /** Creates a table of a name no other test uses, beginning with {@code prefix}, and returns the name. */
    public static String createUnique(DynamoDbClient client, String prefix) {
        String tableName = DynamoDbServer.uniqueTableName(prefix);
        createIfMissing(client, tableName);
        return tableName;
    }
}
