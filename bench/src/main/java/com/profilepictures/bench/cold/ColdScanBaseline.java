package com.profilepictures.bench.cold;

import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.awsclients.CredentialsSource;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The same-request baseline of GET /users, for information beside the GetItem baseline: the same
 * client built the same way as {@link ColdBaseline}, then the one request the list function makes for a
 * first page, a consistent Scan of the same table with the same Limit. What list-profile-pictures takes beyond this
 * is our own cold-start overhead; what this takes beyond {@link ColdBaseline} is the Scan's cost (on moto,
 * mostly the server's). Arguments: the Limit. Prints one {@code COLD} line.
 */
public final class ColdScanBaseline {

    private ColdScanBaseline() {}

    public static void main(String[] args) {
        int limit = Integer.parseInt(args[0]);
        long start = System.nanoTime();
        DynamoDbSettings settings = new DynamoDbSettings(
                System.getenv("TABLE_NAME"),
                System.getenv("AWS_REGION"),
                Optional.of(URI.create(System.getenv("DYNAMODB_ENDPOINT"))),
                CredentialsSource.valueOf(System.getenv().getOrDefault("BENCH_CREDENTIALS", "ENVIRONMENT")));
        DynamoDbClient client = DynamoDbClients.create(settings);
        long initialised = System.nanoTime();
        ScanResponse response = client.scan(ScanRequest.builder()
                .tableName(settings.tableName())
                .limit(limit)
                .consistentRead(true)
                .build());
        Instant answered = Instant.now();
        long done = System.nanoTime();
        if (response.items().size() != limit) {
            System.err.println("The scan returned " + response.items().size() + " items, not " + limit);
            System.exit(2);
        }
        System.out.println("COLD answeredEpochNanos="
                + (answered.getEpochSecond() * 1_000_000_000L + answered.getNano()) + " parseNanos=0 initNanos="
                + (initialised - start) + " firstCallNanos=" + (done - initialised));
    }
}
