package com.profilepictures.bootstrap.refresh.testing;

import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.DynamoDbProfilePictureRepository;
import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.adapters.dynamodb.PictureTable;
import com.profilepictures.adapters.sqs.SqsClients;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.StorageConfiguration;
import com.profilepictures.bootstrap.refresh.RefreshConfiguration;
import com.profilepictures.fixturesite.FixtureSite;
import com.profilepictures.moto.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What a test of the refresh's functions runs on: a moto of its own (DynamoDB and SQS), the fixture site as X, a
 * pictures table of its own, queues made on demand, and the variables that reach them, for an {@link Environment}
 * as Lambda would give a function. Register it in a static field with {@code @RegisterExtension}: it starts before
 * the class and stops after it.
 */
public final class RefreshWorld implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private Path log;
    private MotoServer moto;
    private FixtureSite site;
    private Map<String, String> variables;
    private DynamoDbClient dynamoDb;
    private DynamoDbProfilePictureRepository repository;
    private SqsClient sqs;

    /** A world whose table and moto log are named after {@code name}. */
    public RefreshWorld(String name) {
        this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        log = Files.createTempFile("moto-" + name + "-", ".log");
        moto = MotoServer.start(log);
        site = FixtureSite.start();
        String tableName = name + "-" + UUID.randomUUID();
        String endpoint = moto.endpoint().toString();
        variables = Map.of(
                "TABLE_NAME",
                tableName,
                "DYNAMODB_ENDPOINT",
                endpoint,
                "SQS_ENDPOINT",
                endpoint,
                "AWS_REGION",
                "us-east-1",
                "X_BASE_URL",
                site.baseUrl().toString(),
                "REFRESH_X_REQUESTS_PER_MINUTE",
                "60000");
        DynamoDbSettings storage = StorageConfiguration.from(new Environment(variables));
        PictureTable.createIfMissing(storage);
        dynamoDb = DynamoDbClients.create(storage);
        repository = new DynamoDbProfilePictureRepository(dynamoDb, tableName);
        sqs = SqsClients.create(RefreshConfiguration.from(new Environment(Map.of("SQS_ENDPOINT", endpoint)))
                .queues());
    }

    /** A function's environment: what reaches this world, with {@code settings} over it. */
    public Environment environment(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(variables);
        all.putAll(settings);
        return new Environment(all);
    }

    /** A new queue, its name starting with {@code prefix}; its URL. */
    public String newQueue(String prefix) {
        return sqs.createQueue(request -> request.queueName(prefix + "-" + UUID.randomUUID()))
                .queueUrl();
    }

    /** A new table, its name starting with {@code prefix}, for a case whose accounts must not meet another's. */
    public String newTable(String prefix) {
        String tableName = prefix + "-" + UUID.randomUUID();
        PictureTable.createIfMissing(StorageConfiguration.from(environment(Map.of("TABLE_NAME", tableName))));
        return tableName;
    }

    /** The repository of {@code tableName}, one of {@link #newTable}'s. */
    public DynamoDbProfilePictureRepository repository(String tableName) {
        return new DynamoDbProfilePictureRepository(dynamoDb, tableName);
    }

    public FixtureSite site() {
        return site;
    }

    public DynamoDbProfilePictureRepository repository() {
        return repository;
    }

    public SqsClient sqs() {
        return sqs;
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        sqs.close();
        dynamoDb.close();
        site.close();
        moto.close();
        Files.deleteIfExists(log);
    }
}
