package com.profilepictures.bootstrap.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.profilepictures.adapters.dynamodb.DynamoDbClients;
import com.profilepictures.adapters.dynamodb.DynamoDbProfilePictureRepository;
import com.profilepictures.adapters.dynamodb.DynamoDbSettings;
import com.profilepictures.adapters.dynamodb.PictureTable;
import com.profilepictures.adapters.sqs.SqsClients;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.StorageConfiguration;
import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.fixturesite.FixtureSite;
import com.profilepictures.moto.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The planner's and the worker's components as Lambda builds them, on a real moto (DynamoDB and SQS) and the
 * fixture site over HTTP: what the planner queues, the worker reads as SQS delivers it.
 */
class RefreshFunctionsTest {

    private static Path log;
    private static MotoServer moto;
    private static FixtureSite site;
    private static DynamoDbClient dynamoDb;
    private static SqsClient sqs;
    private static DynamoDbProfilePictureRepository repository;
    private static Environment environment;
    private static String browserQueue;
    private static String refreshQueue;

    @BeforeAll
    static void start() throws IOException {
        log = Files.createTempFile("moto-refresh-", ".log");
        moto = MotoServer.start(log);
        site = FixtureSite.start();
        String endpoint = moto.endpoint().toString();
        Map<String, String> variables = new HashMap<>(Map.of(
                "TABLE_NAME",
                "refresh-" + UUID.randomUUID(),
                "DYNAMODB_ENDPOINT",
                endpoint,
                "SQS_ENDPOINT",
                endpoint,
                "AWS_REGION",
                "us-east-1",
                "X_BASE_URL",
                site.baseUrl().toString(),
                "REFRESH_AFTER",
                "PT1H",
                "REFRESH_X_REQUESTS_PER_MINUTE",
                "60000",
                "REFRESH_PLANNER_SEGMENTS",
                "3"));
        DynamoDbSettings storage = StorageConfiguration.from(new Environment(variables));
        PictureTable.createIfMissing(storage);
        dynamoDb = DynamoDbClients.create(storage);
        repository = new DynamoDbProfilePictureRepository(dynamoDb, storage.tableName());
        sqs = SqsClients.create(RefreshConfiguration.from(new Environment(Map.of(
                        RefreshConfiguration.QUEUE_URL, endpoint + "/123456789012/unused", "SQS_ENDPOINT", endpoint)))
                .queue());
        refreshQueue = sqs.createQueue(request -> request.queueName("refresh-" + UUID.randomUUID()))
                .queueUrl();
        browserQueue = sqs.createQueue(request -> request.queueName("browser-" + UUID.randomUUID()))
                .queueUrl();
        variables.put(RefreshConfiguration.QUEUE_URL, refreshQueue);
        variables.put(RefreshConfiguration.BROWSER_QUEUE_URL, browserQueue);
        environment = new Environment(variables);
    }

    @AfterAll
    static void stop() throws IOException {
        sqs.close();
        dynamoDb.close();
        site.close();
        moto.close();
        Files.deleteIfExists(log);
    }

    @Test
    void givenDueAccounts_thePlannerQueuesThemAndTheWorkerRefreshesThemThroughTheCrawler() {
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        String before = site.currentPictureUrlOf("jack");
        repository.saveIfNewer(new ProfilePicture(Handle.of("jack"), PictureUrl.of(before), twoDaysAgo));
        repository.saveIfNewer(new ProfilePicture(
                Handle.of(FixtureSite.NONEXISTENT), PictureUrl.of(site.currentPictureUrlOf("jill")), twoDaysAgo));
        String appOnly = FixtureSite.APP_ONLY + "1";
        repository.saveIfNewer(new ProfilePicture(Handle.of(appOnly), PictureUrl.of(before), twoDaysAgo));
        String after = site.changePicture("jack");

        Map<String, Object> plan = DaggerRefreshPlannerComponent.factory()
                .create(environment)
                .handler()
                .handle(Map.of(), null);
        List<Message> queued = receiveAll(refreshQueue);
        RefreshWorkerComponent worker = DaggerRefreshWorkerComponent.factory().create(environment);
        SQSBatchResponse response;
        try {
            response = worker.handler().handle(event(queued), null);
        } finally {
            worker.refresh().close();
        }

        assertEquals(3, plan.get("queued"), "plan: " + plan);
        assertEquals(3, queued.size());
        assertEquals(List.of(), response.getBatchItemFailures(), "every account decided or sent on");
        ProfilePicture jack = repository.find(Handle.of("jack")).orElseThrow();
        assertEquals(PictureUrl.of(after), jack.url(), "the changed picture is stored");
        // A crawler's page cannot tell an account X does not know, nor one only X's app shows: the browser can.
        List<Message> toBrowser = receiveAll(browserQueue);
        assertEquals(
                Set.of(appOnly, FixtureSite.NONEXISTENT),
                toBrowser.stream().map(Message::body).collect(Collectors.toSet()));
        toBrowser.forEach(message ->
                assertEquals("1", message.messageAttributes().get("attempt").stringValue()));
        assertEquals(
                AccountStatus.ACTIVE,
                repository
                        .find(Handle.of(FixtureSite.NONEXISTENT))
                        .orElseThrow()
                        .accountStatus(),
                "nothing is written for a page that cannot tell");
    }

    @Test
    void givenXsApiToken_theWorkerAsksItAHundredAtATime_andSendsNothingItDecidesToTheBrowser() {
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        String appOnly = FixtureSite.APP_ONLY + "api";
        List<String> handles = List.of("apiuser1", "apiuser2", appOnly, FixtureSite.NONEXISTENT, FixtureSite.SUSPENDED);
        // A table of its own: the other case stores the same special handles.
        Map<String, String> variables = new HashMap<>(environment.variables());
        variables.put("TABLE_NAME", "refresh-api-" + UUID.randomUUID());
        DynamoDbSettings storage = StorageConfiguration.from(new Environment(variables));
        PictureTable.createIfMissing(storage);
        DynamoDbProfilePictureRepository repository =
                new DynamoDbProfilePictureRepository(dynamoDb, storage.tableName());
        for (String handle : handles) {
            repository.saveIfNewer(new ProfilePicture(
                    Handle.of(FixtureSite.canonicalSpellingOf(handle)),
                    PictureUrl.of(FixtureSite.pictureUrlOf(handle)),
                    twoDaysAgo));
        }
        String after = site.changePicture("apiuser2");
        String ownBrowserQueue = sqs.createQueue(request -> request.queueName("browser-" + UUID.randomUUID()))
                .queueUrl();
        variables.put("X_API_BASE_URL", site.baseUrl().toString());
        variables.put("X_API_BEARER_TOKEN", FixtureSite.X_API_TOKEN);
        variables.put(RefreshConfiguration.BROWSER_QUEUE_URL, ownBrowserQueue);
        int apiRequestsBefore = site.xApiRequests().size();
        int pagesBefore = site.pageRequestCount();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (String handle : handles) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId("m-" + handle);
            record.setBody(handle);
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);

        RefreshWorkerComponent worker = DaggerRefreshWorkerComponent.factory().create(new Environment(variables));
        SQSBatchResponse response;
        try {
            response = worker.handler().handle(event, null);
        } finally {
            worker.refresh().close();
        }

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(1, site.xApiRequests().size() - apiRequestsBefore, "one request to X's API for the batch");
        assertEquals(pagesBefore, site.pageRequestCount(), "no page read, by a crawler or a browser");
        assertEquals(List.of(), receiveAll(ownBrowserQueue), "nothing X's API decided goes to the browser");
        assertEquals(
                PictureUrl.of(after),
                repository.find(Handle.of("apiuser2")).orElseThrow().url());
        assertEquals(
                AccountStatus.NOT_FOUND,
                repository
                        .find(Handle.of(FixtureSite.NONEXISTENT))
                        .orElseThrow()
                        .accountStatus());
        assertEquals(
                AccountStatus.SUSPENDED,
                repository.find(Handle.of(FixtureSite.SUSPENDED)).orElseThrow().accountStatus());
        ProfilePicture checked = repository.find(Handle.of(appOnly)).orElseThrow();
        assertEquals(twoDaysAgo.toEpochMilli(), checked.scrapedAt().toEpochMilli(), "the same picture: a check");
        assertTrue(checked.checkedAt().isAfter(twoDaysAgo));
    }

    private static List<Message> receiveAll(String queueUrl) {
        List<Message> messages = new ArrayList<>();
        for (int polls = 0; polls < 20; polls++) {
            List<Message> got = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                            .waitTimeSeconds(0)
                            .maxNumberOfMessages(10)
                            .messageAttributeNames("All"))
                    .messages();
            if (got.isEmpty()) {
                return messages;
            }
            messages.addAll(got);
        }
        throw new AssertionError("the queue did not run dry after 20 polls");
    }

    // As Lambda's mapping delivers them: id, body and the message attributes.
    private static SQSEvent event(List<Message> messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setBody(message.body());
            Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
            message.messageAttributes().forEach((name, value) -> {
                SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
                attribute.setDataType(value.dataType());
                attribute.setStringValue(value.stringValue());
                attributes.put(name, attribute);
            });
            record.setMessageAttributes(attributes);
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }
}
