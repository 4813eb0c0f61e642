package com.profilepictures.bench.cold;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The least a read function could do: build the same DynamoDB client the same way ({@link Baselines}) and make
 * one consistent GetItem of the same item. Arguments: the item's key. Prints one {@code COLD} line.
 */
public final class ColdBaseline {

    private ColdBaseline() {}

    public static void main(String[] args) {
        String key = args[0];
        // An anonymous class, not a lambda: the baseline should not pay for what the function does not do.
        Baselines.time(new Baselines.Request<GetItemResponse>() {
            @Override
            public GetItemResponse send(DynamoDbClient client, String tableName) {
                return client.getItem(GetItemRequest.builder()
                        .tableName(tableName)
                        .key(Map.of("handle_key", AttributeValue.fromS(key)))
                        .consistentRead(true)
                        .build());
            }

            @Override
            public Optional<String> wrong(GetItemResponse response) {
                return !response.hasItem() || response.item().isEmpty()
                        ? Optional.of("The item " + key + " is missing")
                        : Optional.empty();
            }
        });
    }
}
