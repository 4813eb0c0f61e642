package com.profilepictures.adapters.dynamodb;

import com.profilepictures.adapters.dynamodb.testing.SharedDynamoDbServer;
import com.profilepictures.application.testing.RefreshPauseContract;
import com.profilepictures.domain.port.RefreshPause;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The pause contract on a real moto server, in a fresh pictures table per test. */
@ExtendWith(SharedDynamoDbServer.class)
class DynamoDbRefreshPauseTest extends RefreshPauseContract {

    private final DynamoDbClient client;

    DynamoDbRefreshPauseTest(DynamoDbClient client) {
        this.client = client;
    }

    @Override
    protected RefreshPause freshPause() {
        String tableName = PictureTable.createUnique(client, "paused");
        return new DynamoDbRefreshPause(client, tableName);
    }
}
