package com.profilepictures.adapters.dynamodb;

import com.profilepictures.adapters.dynamodb.testing.DynamoDbServer;
import com.profilepictures.adapters.dynamodb.testing.SharedDynamoDbServer;
import com.profilepictures.application.testing.RefreshPauseContract;
import com.profilepictures.domain.port.RefreshPause;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The pause contract on a real moto server, in a fresh pictures table per test. */
@ExtendWith(SharedDynamoDbServer.class)
class DynamoDbRefreshPauseTest extends RefreshPauseContract {

    private static DynamoDbClient client;

    @BeforeAll
    static void connect(DynamoDbServer server) {
        client = DynamoDbClients.create(server.settings("unused"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Override
    protected RefreshPause freshPause() {
        String tableName = DynamoDbServer.uniqueTableName("paused");
        PictureTable.createIfMissing(client, tableName);
        return new DynamoDbRefreshPause(client, tableName);
    }
}
