package com.profilepictures.adapters.sqs.testing;

import com.profilepictures.adapters.sqs.SqsClients;
import com.profilepictures.adapters.sqs.SqsSettings;
import com.profilepictures.awsclients.CredentialsSource;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A test's SQS on a moto server: the settings and client that reach it, and a fresh queue per test. */
public final class MotoQueues {

    private MotoQueues() {}

    /** Settings that reach the moto server at {@code endpoint}, with dummy credentials and a queue no test uses. */
    public static SqsSettings settings(URI endpoint) {
        return new SqsSettings(
                URI.create(endpoint + "/123456789012/unused"),
                "us-east-1",
                Optional.of(endpoint),
                CredentialsSource.DUMMY);
    }

    /** The adapter's own client of the moto server at {@code endpoint}. */
    public static SqsClient client(URI endpoint) {
        return SqsClients.create(settings(endpoint));
    }

    /** A new empty queue, named {@code prefix} and a random suffix; its URL. */
    public static String newQueue(SqsClient client, String prefix) {
        return client.createQueue(request -> request.queueName(prefix + UUID.randomUUID()))
                .queueUrl();
    }
}
