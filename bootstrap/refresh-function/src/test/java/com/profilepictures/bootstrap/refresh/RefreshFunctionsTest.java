package com.profilepictures.bootstrap.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.profilepictures.adapters.dynamodb.DynamoDbProfilePictureRepository;
import com.profilepictures.adapters.sqs.testing.VisibleMessages;
import com.profilepictures.bootstrap.Environment;
import com.profilepictures.bootstrap.refresh.testing.RefreshWorld;
import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.fixturesite.FixtureSite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The planner's and the worker's components as Lambda builds them, on a real moto (DynamoDB and SQS) and the
 * fixture site over HTTP: what the planner queues, the worker reads as SQS delivers it.
 */
class RefreshFunctionsTest {

    @RegisterExtension
    static final RefreshWorld WORLD = new RefreshWorld("refresh");

    private static Environment environment;
    private static String browserQueue;
    private static String refreshQueue;

    @BeforeAll
    static void start() {
        refreshQueue = WORLD.newQueue("refresh");
        browserQueue = WORLD.newQueue("browser");
        environment = WORLD.environment(Map.of(
                "REFRESH_AFTER",
                "PT1H",
                "REFRESH_PLANNER_SEGMENTS",
                "3",
                RefreshQueues.QUEUE_URL,
                refreshQueue,
                RefreshQueues.BROWSER_QUEUE_URL,
                browserQueue));
    }

    @Test
    void givenDueAccounts_thePlannerQueuesThemAndTheWorkerRefreshesThemThroughTheCrawler() {
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        String before = WORLD.site().currentPictureUrlOf("jack");
        WORLD.repository().saveIfNewer(new ProfilePicture(Handle.of("jack"), PictureUrl.of(before), twoDaysAgo));
        WORLD.repository()
                .saveIfNewer(new ProfilePicture(
                        Handle.of(FixtureSite.NONEXISTENT),
                        PictureUrl.of(WORLD.site().currentPictureUrlOf("jill")),
                        twoDaysAgo));
        String appOnly = FixtureSite.APP_ONLY + "1";
        WORLD.repository().saveIfNewer(new ProfilePicture(Handle.of(appOnly), PictureUrl.of(before), twoDaysAgo));
        String after = WORLD.site().changePicture("jack");

        Map<String, Object> plan = DaggerRefreshPlannerComponent.factory()
                .create(environment)
                .handler()
                .handle(Map.of(), null);
        List<Message> queued = VisibleMessages.readAll(WORLD.sqs(), refreshQueue);
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
        ProfilePicture jack = WORLD.repository().find(Handle.of("jack")).orElseThrow();
        assertEquals(PictureUrl.of(after), jack.url(), "the changed picture is stored");
        // A crawler's page cannot tell an account X does not know, nor one only X's app shows: the browser can.
        List<Message> toBrowser = VisibleMessages.readAll(WORLD.sqs(), browserQueue);
        assertEquals(
                Set.of(appOnly, FixtureSite.NONEXISTENT),
                toBrowser.stream().map(Message::body).collect(Collectors.toSet()));
        toBrowser.forEach(message ->
                assertEquals("1", message.messageAttributes().get("attempt").stringValue()));
        assertEquals(
                AccountStatus.ACTIVE,
                WORLD.repository()
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
        String table = WORLD.newTable("refresh-api");
        DynamoDbProfilePictureRepository repository = WORLD.repository(table);
        for (String handle : handles) {
            repository.saveIfNewer(new ProfilePicture(
                    Handle.of(FixtureSite.canonicalSpellingOf(handle)),
                    PictureUrl.of(FixtureSite.pictureUrlOf(handle)),
                    twoDaysAgo));
        }
        String after = WORLD.site().changePicture("apiuser2");
        String ownBrowserQueue = WORLD.newQueue("browser-api");
        Environment withToken = WORLD.environment(Map.of(
                "TABLE_NAME",
                table,
                "X_API_BASE_URL",
                WORLD.site().baseUrl().toString(),
                "X_API_BEARER_TOKEN",
                FixtureSite.X_API_TOKEN,
                RefreshQueues.QUEUE_URL,
                refreshQueue,
                RefreshQueues.BROWSER_QUEUE_URL,
                ownBrowserQueue));
        int apiRequestsBefore = WORLD.site().xApiRequests().size();
        int pagesBefore = WORLD.site().pageRequestCount();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (String handle : handles) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId("m-" + handle);
            record.setBody(handle);
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);

        RefreshWorkerComponent worker = DaggerRefreshWorkerComponent.factory().create(withToken);
        SQSBatchResponse response;
        try {
            response = worker.handler().handle(event, null);
        } finally {
            worker.refresh().close();
        }

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(1, WORLD.site().xApiRequests().size() - apiRequestsBefore, "one request to X's API for the batch");
        assertEquals(pagesBefore, WORLD.site().pageRequestCount(), "no page read, by a crawler or a browser");
        assertEquals(
                List.of(),
                VisibleMessages.readAll(WORLD.sqs(), ownBrowserQueue),
                "nothing X's API decided goes to the browser");
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
