package com.profilepictures.bench.cold;

import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The same-request baseline of GET /users, for information beside the GetItem baseline: the same
 * client built the same way as {@link ColdBaseline} ({@link Baselines}), then the one request the list function makes for a
 * first page, a consistent Scan of the same table with the same Limit. What list-profile-pictures takes beyond this
 * is our own cold-start overhead; what this takes beyond {@link ColdBaseline} is the Scan's cost (on moto,
 * mostly the server's). Arguments: the Limit. Prints one {@code COLD} line.
 */
public final class ColdScanBaseline {

    private ColdScanBaseline() {}

    public static void main(String[] args) {
        int limit = Integer.parseInt(args[0]);
        Baselines.time(new Baselines.Request<ScanResponse>() {
            @Override
            public ScanResponse send(DynamoDbClient client, String tableName) {
                return client.scan(ScanRequest.builder()
                        .tableName(tableName)
                        .limit(limit)
                        .consistentRead(true)
                        .build());
            }

            @Override
            public Optional<String> wrong(ScanResponse response) {
                return response.items().size() != limit
                        ? Optional.of("The scan returned " + response.items().size() + " items, not " + limit)
                        : Optional.empty();
            }
        });
    }
}
