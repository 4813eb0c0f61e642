package com.profilepictures.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.profilepictures.adapters.dynamodb.testing.DynamoDbServer;
import com.profilepictures.adapters.dynamodb.testing.SharedDynamoDbServer;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.picture.SaveOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The pictures table as make run, the tests and the bench create it, on a real moto server. */
@ExtendWith(SharedDynamoDbServer.class)
class PictureTableTest {

    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");

    private static DynamoDbServer server;
    private static DynamoDbClient client;

    @BeforeAll
    static void connect(DynamoDbServer shared, DynamoDbClient sharedClient) {
        server = shared;
        client = sharedClient;
    }

    @Test
    void givenNoTable_createIfMissing_createsOneKeyedByHandleKeyAndBilledOnDemand_asTheTemplateDoes() {
        String tableName = PictureTable.createUnique(client, "created");

        TableDescription table =
                client.describeTable(request -> request.tableName(tableName)).table();
        assertEquals(
                List.of(KeySchemaElement.builder()
                        .attributeName("handle_key")
                        .keyType(KeyType.HASH)
                        .build()),
                table.keySchema());
        assertEquals(
                List.of(AttributeDefinition.builder()
                        .attributeName("handle_key")
                        .attributeType(ScalarAttributeType.S)
                        .build()),
                table.attributeDefinitions());
        assertEquals(BillingMode.PAY_PER_REQUEST, table.billingModeSummary().billingMode());
    }

    @Test
    void givenOnlySettings_createIfMissing_createsTheTableThroughAClientOfItsOwn() {
        String tableName = DynamoDbServer.uniqueTableName("from-settings");

        PictureTable.createIfMissing(server.settings(tableName));

        var jack = picture("jack", "1", T0);
        assertEquals(
                new SaveOutcome.Saved(jack), new DynamoDbProfilePictureRepository(client, tableName).saveIfNewer(jack));
    }

    @Test
    void givenATableWithItems_createIfMissing_keepsTheTableAndItsItems() {
        String tableName = PictureTable.createUnique(client, "existing");
        var repository = new DynamoDbProfilePictureRepository(client, tableName);
        var jack = picture("jack", "1", T0);
        repository.saveIfNewer(jack);

        PictureTable.createIfMissing(client, tableName);
        PictureTable.createIfMissing(client, tableName);

        assertEquals(Optional.of(jack), repository.find(Handle.of("jack")));
    }

    @Test
    void givenConcurrentCreatorsOfOneTable_everyOneSucceeds() throws Exception {
        String tableName = DynamoDbServer.uniqueTableName("created-concurrently");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Void>> creators = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            creators.add(() -> {
                PictureTable.createIfMissing(client, tableName);
                return null;
            });
        }

        List<Future<Void>> results;
        try {
            results = pool.invokeAll(creators);
        } finally {
            pool.shutdownNow();
        }

        for (Future<Void> result : results) {
            result.get(); // rethrows a creator's failure
        }
        var jack = picture("jack", "1", T0);
        assertEquals(
                new SaveOutcome.Saved(jack), new DynamoDbProfilePictureRepository(client, tableName).saveIfNewer(jack));
    }

    private static ProfilePicture picture(String handle, String id, Instant scrapedAt) {
        return new ProfilePicture(
                Handle.of(handle),
                PictureUrl.of("https://pbs.twimg.com/profile_images/" + id + "/pic_400x400.jpg"),
                scrapedAt);
    }
}
