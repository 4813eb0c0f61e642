package com.profilepictures.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.profilepictures.adapters.dynamodb.testing.DynamoDbServer;
import com.profilepictures.adapters.dynamodb.testing.SharedDynamoDbServer;
import com.profilepictures.application.testing.PictureHistoryContract;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.port.PictureHistory;
import com.profilepictures.domain.port.StorageUnavailableException;
import com.profilepictures.moto.MotoServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The history contract, and what is particular to DynamoDB, on a real moto server; a fresh table per test. */
@ExtendWith(SharedDynamoDbServer.class)
class DynamoDbPictureHistoryTest extends PictureHistoryContract {

    private final DynamoDbClient client;

    private String tableName;

    DynamoDbPictureHistoryTest(DynamoDbClient client) {
        this.client = client;
    }

    @Override
    protected PictureHistory emptyHistory() {
        tableName = HistoryTable.createUnique(client, "history");
        return new DynamoDbPictureHistory(client, tableName);
    }

    @Test
    void theTableIsKeyedByHandleAndPictureWithAnIndexByTimeAndOneByCopy() {
        emptyHistory();

        TableDescription table =
                client.describeTable(request -> request.tableName(tableName)).table();

        assertEquals(List.of(key("handle_key", KeyType.HASH), key("profile_url", KeyType.RANGE)), table.keySchema());
        Map<String, List<KeySchemaElement>> indexes = new HashMap<>();
        for (LocalSecondaryIndexDescription index : table.localSecondaryIndexes()) {
            indexes.put(index.indexName(), index.keySchema());
        }
        assertEquals(
                Map.of(
                        "by_first_seen", List.of(key("handle_key", KeyType.HASH), key("first_seen_at", KeyType.RANGE)),
                        "by_image_version",
                                List.of(key("handle_key", KeyType.HASH), key("image_version", KeyType.RANGE))),
                indexes);
    }

    @Test
    void entriesHaveTheDocumentedShape() {
        var history = emptyHistory();

        history.record(JACK, picture("7").withSize(PictureSize.NORMAL), T0);
        history.attach(JACK, picture("7"), version("bytes"));

        Map<String, AttributeValue> item = client.getItem(request -> request.tableName(tableName)
                        .consistentRead(true)
                        .key(Map.of(
                                "handle_key",
                                AttributeValue.fromS("jack"),
                                "profile_url",
                                AttributeValue.fromS(picture("7").value()))))
                .item();
        assertEquals(
                Set.of("handle_key", "profile_url", "first_seen_at", "last_seen_at", "image_version"), item.keySet());
        assertEquals(Long.toString(T0.toEpochMilli()), item.get("first_seen_at").n(), "epoch millis as a Number");
        assertEquals(Long.toString(T0.toEpochMilli()), item.get("last_seen_at").n());
        assertEquals(version("bytes").sha256(), item.get("image_version").s());
    }

    @Test
    void creatingTheTableAgainKeepsItsEntries() {
        var history = emptyHistory();
        history.record(JACK, picture("1"), T0);

        HistoryTable.createIfMissing(client, tableName);

        assertEquals(1, history.list(JACK, PageRequest.first(10)).items().size());
    }

    @Test
    void anUnreadableEntryFailsLoudlyNotAsAnOutage() {
        var history = emptyHistory();
        client.putItem(request -> request.tableName(tableName)
                .item(Map.of(
                        "handle_key", AttributeValue.fromS("jack"),
                        "profile_url", AttributeValue.fromS("http://example.com/x.jpg"),
                        "first_seen_at", AttributeValue.fromN("1"),
                        "last_seen_at", AttributeValue.fromN("1"))));

        var thrown = assertThrows(RuntimeException.class, () -> history.list(JACK, PageRequest.first(10)));

        assertInstanceOf(IllegalStateException.class, thrown);
    }

    @Test
    void givenAStoppedServer_everyCall_failsAsStorageUnavailable(@TempDir Path dir) {
        try (MotoServer server = MotoServer.start(dir.resolve("moto.log"));
                DynamoDbClient own = DynamoDbClients.create(new DynamoDbServer(server.endpoint()).settings("unused"))) {
            String table = DynamoDbServer.uniqueTableName("history-faults");
            HistoryTable.createIfMissing(own, table);
            var history = new DynamoDbPictureHistory(own, table);
            history.record(JACK, picture("1"), T0);
            server.kill();

            assertThrows(
                    StorageUnavailableException.class, () -> history.record(JACK, picture("1"), T0.plusSeconds(1)));
            assertThrows(StorageUnavailableException.class, () -> history.attach(JACK, picture("1"), version("a")));
            assertThrows(StorageUnavailableException.class, () -> history.list(JACK, PageRequest.first(1)));
            assertThrows(StorageUnavailableException.class, () -> history.findByVersion(JACK, version("a")));
        }
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
