package com.profilepictures.adapters.sqs.testing;

import com.profilepictures.adapters.sqs.SqsClients;
import com.profilepictures.adapters.sqs.SqsSettings;
import com.profilepictures.awsclients.CredentialsSource;
import com.profilepictures.moto.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A test class's SQS on a real moto server, registered as a static {@code @RegisterExtension}: started before the
 * class's tests with the adapter's own client, stopped after them; each test makes its own fresh queue.
 */
public final class MotoQueues implements BeforeAllCallback, AfterAllCallback {

    private Path log;
    private MotoServer moto;
    private SqsClient client;

    /** Settings that reach the moto server at {@code endpoint}, with dummy credentials and a queue no test uses. */
    public static SqsSettings settings(URI endpoint) {
        return new SqsSettings(
                URI.create(endpoint + "/123456789012/unused"),
                "us-east-1",
                Optional.of(endpoint),
                CredentialsSource.DUMMY);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        log = Files.createTempFile("moto-sqs-", ".log");
        moto = MotoServer.start(log);
        client = SqsClients.create(settings(moto.endpoint()));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        client.close();
        moto.close();
        Files.deleteIfExists(log);
    }

    /** The adapter's own client of the server, for the class's tests. */
    public SqsClient client() {
        return client;
    }

    /** A new empty queue, named {@code prefix} and a random suffix; its URL. */
    public String newQueue(String prefix) {
        return client.createQueue(request -> request.queueName(prefix + UUID.randomUUID()))
                .queueUrl();
    }
}
