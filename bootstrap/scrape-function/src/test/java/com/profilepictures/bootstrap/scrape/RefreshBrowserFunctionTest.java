package com.profilepictures.bootstrap.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.DynamoDbProfilePictureRepository;
import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.adapters.dynamodb.PictureTable;
import com.profilepictures.adapters.sqs.SqsClients;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.StorageConfiguration;
import com.profilepictures.bootstrap.refresh.RefreshConfiguration;
import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.fixturesite.FixtureSite;
import com.profilepictures.moto.MotoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The browser's queue's consumer as the scrape image builds it, in real headless Chromium against the fixture
 * site, on moto: the accounts a crawler's page could not tell are decided by the browser and their verdicts
 * written as a worker's are; one the browser cannot tell either is failed, for the dead-letter queue.
 */
class RefreshBrowserFunctionTest {

    @TempDir
    static Path dir;

    private static MotoServer moto;
    private static FixtureSite site;
    private static DynamoDbClient dynamoDb;
    private static DynamoDbProfilePictureRepository repository;
    private static Environment environment;

    @BeforeAll
    static void start() {
        moto = MotoServer.start(dir.resolve("moto.log"));
        site = FixtureSite.start();
        String endpoint = moto.endpoint().toString();
        Map<String, String> variables = new HashMap<>(Map.of(
                "TABLE_NAME",
                "browser-" + UUID.randomUUID(),
                "DYNAMODB_ENDPOINT",
                endpoint,
                "SQS_ENDPOINT",
                endpoint,
                "AWS_REGION",
                "us-east-1",
                "X_BASE_URL",
                site.baseUrl().toString(),
                "SCRAPE_SOURCES",
                "browser",
                "REFRESH_X_REQUESTS_PER_MINUTE",
                "60000",
                "REFRESH_BATCH_TIMEOUT",
                "PT90S"));
        variables.put(
                "CHROMIUM_BINARY",
                System.getProperty("chromium.binary", BrowserConfiguration.DEBIAN_CHROMIUM.toString()));
        variables.put("CHROMEDRIVER", System.getProperty("chromedriver", "/usr/bin/chromedriver"));
        DynamoDbSettings storage = StorageConfiguration.from(new Environment(variables));
        PictureTable.createIfMissing(storage);
        dynamoDb = DynamoDbClients.create(storage);
        repository = new DynamoDbProfilePictureRepository(dynamoDb, storage.tableName());
        try (SqsClient sqs = SqsClients.create(RefreshConfiguration.from(new Environment(Map.of(
                        RefreshConfiguration.QUEUE_URL, endpoint + "/123456789012/unused", "SQS_ENDPOINT", endpoint)))
                .queue())) {
            variables.put(
                    RefreshConfiguration.BROWSER_QUEUE_URL,
                    sqs.createQueue(request -> request.queueName("browser-" + UUID.randomUUID()))
                            .queueUrl());
        }
        environment = new Environment(variables);
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
        site.close();
        moto.close();
    }

    @Test
    void givenAccountsOnlyABrowserCanTell_aBatch_writesTheirVerdictsAndFailsWhatItCannotTellEither() {
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        String appOnly = FixtureSite.APP_ONLY + "2";
        PictureUrl old = PictureUrl.of(site.currentPictureUrlOf("jack"));
        for (String handle : List.of(appOnly, FixtureSite.NONEXISTENT, FixtureSite.SHOWS_ANOTHER_ACCOUNT)) {
            repository.saveIfNewer(new ProfilePicture(Handle.of(handle), old, twoDaysAgo));
        }
        RefreshBrowserComponent component =
                DaggerRefreshBrowserComponent.factory().create(environment);

        SQSBatchResponse response;
        try {
            response = component
                    .handler()
                    .handle(
                            event(Map.of(
                                    "m-app", appOnly,
                                    "m-ghost", FixtureSite.NONEXISTENT,
                                    "m-swapped", FixtureSite.SHOWS_ANOTHER_ACCOUNT)),
                            null);
        } finally {
            component.refresh().close();
            component.browser().close();
        }

        assertEquals(
                List.of("m-swapped"),
                response.getBatchItemFailures().stream()
                        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                        .toList(),
                "another account's page is no verdict, even in a browser");
        assertEquals(
                PictureUrl.of(site.currentPictureUrlOf(appOnly)),
                repository.find(Handle.of(appOnly)).orElseThrow().url());
        ProfilePicture ghost =
                repository.find(Handle.of(FixtureSite.NONEXISTENT)).orElseThrow();
        assertEquals(AccountStatus.NOT_FOUND, ghost.accountStatus());
        assertEquals(old, ghost.url(), "a gone account keeps its picture");
    }

    private static SQSEvent event(Map<String, String> bodiesById) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        bodiesById.forEach((id, body) -> {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(id);
            record.setBody(body);
            records.add(record);
        });
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }
}
