package com.profilepictures.bench.cold;

import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.awsclients.CredentialsSource;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The least a read function could do: build the same DynamoDB client the same way (DynamoDbClients.create:
 * URL-connection client, explicit region, credentials from the environment as on Lambda) and make one
 * consistent GetItem of the same item. Arguments: the item's key. Prints one {@code COLD} line.
 */
public final class ColdBaseline {

    private ColdBaseline() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        DynamoDbSettings settings = new DynamoDbSettings(
                System.getenv("TABLE_NAME"),
                System.getenv("AWS_REGION"),
                Optional.of(URI.create(System.getenv("DYNAMODB_ENDPOINT"))),
                CredentialsSource.valueOf(System.getenv().getOrDefault("BENCH_CREDENTIALS", "ENVIRONMENT")));
        DynamoDbClient client = DynamoDbClients.create(settings);
        long initialised = System.nanoTime();
        GetItemResponse response = client.getItem(GetItemRequest.builder()
                .tableName(settings.tableName())
                .key(Map.of("handle_key", AttributeValue.fromS(args[0])))
                .consistentRead(true)
                .build());
        Instant answered = Instant.now();
        long done = System.nanoTime();
        if (!response.hasItem() || response.item().isEmpty()) {
            System.err.println("The item " + args[0] + " is missing");
            System.exit(2);
        }
        System.out.println("COLD answeredEpochNanos="
                + (answered.getEpochSecond() * 1_000_000_000L + answered.getNano()) + " parseNanos=0 initNanos="
                + (initialised - start) + " firstCallNanos=" + (done - initialised));
    }
}
