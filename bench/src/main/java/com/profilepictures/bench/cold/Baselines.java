package com.profilepictures.bench.cold;

import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.awsclients.CredentialsSource;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * How a cold-start baseline is timed: from nothing, build the DynamoDB client as a read function builds it
 * (DynamoDbClients.create: URL-connection client, explicit region, credentials from the environment as on
 * Lambda), make the baseline's one request, and print one {@code COLD} line; exit 2 if the answer is wrong.
 */
final class Baselines {

    /** A baseline's one request, and what would make its answer wrong. */
    interface Request<R> {

        R send(DynamoDbClient client, String tableName);

        /** Why {@code response} is not the answer expected, if it is not. */
        Optional<String> wrong(R response);
    }

    private Baselines() {}

    static <R> void time(Request<R> request) {
        long start = System.nanoTime();
        DynamoDbSettings settings = new DynamoDbSettings(
                System.getenv("TABLE_NAME"),
                System.getenv("AWS_REGION"),
                Optional.of(URI.create(System.getenv("DYNAMODB_ENDPOINT"))),
                CredentialsSource.valueOf(System.getenv().getOrDefault("BENCH_CREDENTIALS", "ENVIRONMENT")));
        DynamoDbClient client = DynamoDbClients.create(settings);
        long initialised = System.nanoTime();
        R response = request.send(client, settings.tableName());
        Instant answered = Instant.now();
        long done = System.nanoTime();
        Optional<String> wrong = request.wrong(response);
        if (wrong.isPresent()) {
            System.err.println(wrong.get());
            System.exit(2);
        }
        System.out.println("COLD answeredEpochNanos="
                + (answered.getEpochSecond() * 1_000_000_000L + answered.getNano()) + " parseNanos=0 initNanos="
                + (initialised - start) + " firstCallNanos=" + (done - initialised));
    }
}
