package com.profilepictures.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.adapters.dynamodb.testing.DynamoDbServer;
import com.profilepictures.adapters.dynamodb.testing.SharedDynamoDbServer;
import com.profilepictures.application.testing.ProfilePictureRepositoryContract;
import com.profilepictures.domain.page.Page;
import com.profilepictures.domain.page.PageCursor;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.CheckOutcome;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.picture.SaveOutcome;
import com.profilepictures.domain.port.ProfilePictureRepository;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The repository contract, and what is particular to DynamoDB, on a real moto server; a fresh table per test. */
@ExtendWith(SharedDynamoDbServer.class)
class DynamoDbProfilePictureRepositoryTest extends ProfilePictureRepositoryContract {

    private final DynamoDbClient client;

    private String tableName;

    DynamoDbProfilePictureRepositoryTest(DynamoDbClient client) {
        this.client = client;
    }

    @Override
    protected DynamoDbProfilePictureRepository emptyRepository() {
        tableName = PictureTable.createUnique(client, "pictures");
        return new DynamoDbProfilePictureRepository(client, tableName);
    }

    @Test
    void itemsHaveTheDocumentedShape() {
        var repository = emptyRepository();

        repository.saveIfNewer(picture("Jack", "7", T0));

        Map<String, AttributeValue> item = rawItem("jack");
        assertEquals(
                Set.of("handle_key", "handle", "profile_url", "scraped_at", "checked_at", "account_status"),
                item.keySet());
        assertEquals(Long.toString(T0.toEpochMilli()), item.get("checked_at").n(), "epoch millis as a Number");
        assertEquals("active", item.get("account_status").s());
        assertEquals("jack", item.get("handle_key").s());
        assertEquals("Jack", item.get("handle").s());
        assertEquals(
                "https://pbs.twimg.com/profile_images/7/pic_400x400.jpg",
                item.get("profile_url").s());
        assertEquals(Long.toString(T0.toEpochMilli()), item.get("scraped_at").n(), "epoch millis as a Number");
    }

    @Test
    void theArchiveMarkIsTwoAttributesOfTheItem() {
        var repository = emptyRepository();
        var jack = picture("Jack", "7", T0);
        repository.saveIfNewer(jack);
        var mark = markOf(jack, "bytes");

        repository.markArchived(Handle.of("jack"), mark);
        repository.saveIfNewer(picture("Jack", "7", T0.plusMillis(1)));

        Map<String, AttributeValue> item = rawItem("jack");
        assertEquals(
                Set.of(
                        "handle_key",
                        "handle",
                        "profile_url",
                        "scraped_at",
                        "checked_at",
                        "account_status",
                        "archived_url",
                        "image_version"),
                item.keySet());
        assertEquals(
                "https://pbs.twimg.com/profile_images/7/pic_400x400.jpg",
                item.get("archived_url").s());
        assertEquals(mark.version().sha256(), item.get("image_version").s());
        assertEquals(
                Long.toString(T0.plusMillis(1).toEpochMilli()),
                item.get("scraped_at").n());
    }

    @Test
    void aHalfWrittenMarkIsUnreadableNotIgnored() {
        var repository = emptyRepository();
        putRaw(Map.of(
                "handle_key",
                s("jack"),
                "handle",
                s("jack"),
                "profile_url",
                s("https://pbs.twimg.com/profile_images/1/pic_400x400.jpg"),
                "scraped_at",
                n(1),
                "archived_url",
                s("https://pbs.twimg.com/profile_images/1/pic_400x400.jpg")));

        assertThrows(IllegalStateException.class, () -> repository.find(Handle.of("jack")));
    }

    @Test
    void theCursorIsTheLastEvaluatedKeyOfTheScan() {
        var repository = emptyRepository();
        for (int i = 0; i < 5; i++) {
            repository.saveIfNewer(picture("user_" + i, Integer.toString(i + 1), T0));
        }
        ScanResponse raw =
                client.scan(request -> request.tableName(tableName).limit(2).consistentRead(true));

        Page<ProfilePicture, PageCursor> first = repository.list(PageRequest.first(2));

        PageCursor cursor = first.next().orElseThrow();
        assertEquals(
                raw.lastEvaluatedKey(),
                Map.of("handle_key", AttributeValue.fromS(cursor.lastHandle().key())));
        assertEquals(first.items().get(1).handle().key(), cursor.lastHandle().key(), "the page's last item");
        Page<ProfilePicture, PageCursor> second =
                repository.list(PageRequest.after(PageCursor.decode(cursor.encode()), 2));
        Set<String> seen = new HashSet<>();
        first.items().forEach(picture -> seen.add(picture.handle().key()));
        second.items().forEach(picture -> assertTrue(seen.add(picture.handle().key()), "twice: " + picture));
        assertEquals(4, seen.size());
    }

    @Test
    void aSaveAnsweredWithA500AfterItWasApplied_isRetriedByTheSdk_andTheRetryFindingItsOwnWriteSaysSaved(
            DynamoDbServer server) {
        tableName = PictureTable.createUnique(client, "pictures");
        AtomicInteger updates = new AtomicInteger();
        // The first UpdateItem is applied, then answered with a 500, as DynamoDB may after a write it did apply
        // ("the request may or may not have succeeded"); the SDK retries a 500.
        ExecutionInterceptor failFirstAnswer = new ExecutionInterceptor() {
            @Override
            public SdkHttpResponse modifyHttpResponse(
                    Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
                return isFirstUpdate(context)
                        ? context.httpResponse().toBuilder().statusCode(500).build()
                        : context.httpResponse();
            }

            @Override
            public Optional<InputStream> modifyHttpResponseContent(
                    Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
                return isFirstUpdate(context)
                        ? Optional.of(new ByteArrayInputStream(
                                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"lost\"}"
                                        .getBytes(StandardCharsets.UTF_8)))
                        : context.responseBody();
            }

            private boolean isFirstUpdate(Context.ModifyHttpResponse context) {
                return context.request() instanceof UpdateItemRequest && updates.get() == 1;
            }

            @Override
            public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
                if (context.request() instanceof UpdateItemRequest) {
                    updates.incrementAndGet();
                }
            }
        };
        DynamoDbClientBuilder builder = DynamoDbClients.builder(server.settings(tableName), DynamoDbClients.TIMEOUTS);
        builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(failFirstAnswer)
                .build());
        var jack = picture("Jack", "1", T0);

        try (DynamoDbClient losing = builder.build()) {
            SaveOutcome outcome = new DynamoDbProfilePictureRepository(losing, tableName).saveIfNewer(jack);

            assertEquals(2, updates.get(), "the SDK sent the save again");
            assertEquals(new SaveOutcome.Saved(jack), outcome);
        }
    }

    @Test
    void aLostRaceAnswersWithTheStoredPictureFromTheConditionFailure() {
        var repository = emptyRepository();
        var stored = picture("Jack", "2", T0.plusMillis(5));
        repository.saveIfNewer(stored);

        SaveOutcome outcome = repository.saveIfNewer(picture("jack", "1", T0));

        assertEquals(new SaveOutcome.KeptNewer(stored), outcome);
        assertEquals("Jack", outcome.current().handle().display());
    }

    @Test
    void listingSkipsUnreadableItemsAndStillReturnsEveryReadableOne() {
        var repository = emptyRepository();
        Set<String> readable = Set.of("alice", "bob", "carol");
        readable.forEach(handle -> repository.saveIfNewer(picture(handle, "1", T0)));
        putUnreadableItems();

        // A page of one ends on every item, the unreadable ones and the one whose key is no handle included.
        List<String> walked = walk(repository, 1);

        assertEquals(readable.size(), walked.size(), walked.toString());
        assertEquals(readable, new HashSet<>(walked));
    }

    @Test
    void findingAnUnreadableItemFailsLoudlyNotAsAnOutage() {
        var repository = emptyRepository();
        putUnreadableItems();

        var badUrl = assertThrows(RuntimeException.class, () -> repository.find(Handle.of("badurl")));
        var textTime = assertThrows(RuntimeException.class, () -> repository.find(Handle.of("texttime")));

        assertInstanceOf(IllegalStateException.class, badUrl);
        assertInstanceOf(IllegalStateException.class, textTime);
    }

    @Test
    void aMissingTableIsAMisconfigurationNotAnOutage() {
        ProfilePictureRepository repository =
                new DynamoDbProfilePictureRepository(client, DynamoDbServer.uniqueTableName("never-created"));

        var thrown = assertThrows(RuntimeException.class, () -> repository.find(Handle.of("jack")));

        assertInstanceOf(IllegalStateException.class, thrown);
    }

    @Test
    void anItemStoredBeforeTheRefreshReadsAsCheckedWhenScrapedAndActive_andTakesChecks() {
        var repository = emptyRepository();
        var jack = picture("Jack", "7", T0);
        putRaw(Map.of(
                "handle_key", s("jack"),
                "handle", s("Jack"),
                "profile_url", s(jack.url().value()),
                "scraped_at", n(T0.toEpochMilli())));

        var found = repository.find(Handle.of("jack"));
        var due = walkDue(repository, T0.plusMillis(1), T0, 2, 5);
        var notYet = walkDue(repository, T0, T0, 1, 5);
        CheckOutcome older = repository.recordSamePicture(Handle.of("Jack"), jack.url(), T0.minusSeconds(1));
        CheckOutcome checked = repository.recordSamePicture(Handle.of("Jack"), jack.url(), T0.plusSeconds(1));

        assertEquals(Optional.of(jack), found);
        assertEquals(List.of("jack"), due);
        assertEquals(List.of(), notYet);
        assertEquals(new CheckOutcome.KeptNewer(jack), older, "a check before the scrape loses");
        assertEquals(new CheckOutcome.Recorded(jack.checked(T0.plusSeconds(1), AccountStatus.ACTIVE)), checked);
    }

    @Test
    void aCheckIsTwoAttributesOfTheItem_andTheQueuedMarkOne() {
        var repository = emptyRepository();
        repository.saveIfNewer(picture("Jack", "7", T0));

        repository.recordAccountStatus(Handle.of("jack"), AccountStatus.NOT_FOUND, T0.plusSeconds(60));
        repository.markQueued(Handle.of("jack"), T0.plusSeconds(60), T0.plusSeconds(660));

        Map<String, AttributeValue> item = rawItem("jack");
        assertEquals(Long.toString(T0.toEpochMilli()), item.get("scraped_at").n(), "first seen stays");
        assertEquals(
                Long.toString(T0.plusSeconds(60).toEpochMilli()),
                item.get("checked_at").n());
        assertEquals("not_found", item.get("account_status").s());
        assertEquals(
                Long.toString(T0.plusSeconds(660).toEpochMilli()),
                item.get("queued_until").n());
    }

    @Test
    void anUnknownAccountStatusIsUnreadableNotActive() {
        var repository = emptyRepository();
        repository.saveIfNewer(picture("Jack", "7", T0));
        client.updateItem(UpdateItemRequest.builder()
                .tableName(tableName)
                .key(Map.of("handle_key", s("jack")))
                .updateExpression("SET account_status = :status")
                .expressionAttributeValues(Map.of(":status", s("deleted")))
                .build());

        assertThrows(IllegalStateException.class, () -> repository.find(Handle.of("jack")));
        assertEquals(List.of(), walkDue(repository, T0.plusSeconds(1), T0, 1, 10), "skipped, not fatal");
    }

    @Test
    void theRefreshsPauseIsNoAccount() {
        var repository = emptyRepository();
        var pause = new DynamoDbRefreshPause(client, tableName);
        repository.saveIfNewer(picture("jack", "1", T0));

        pause.pauseUntil(T0.plusSeconds(60));

        assertEquals(List.of("jack"), walk(repository, 1));
        assertEquals(List.of("jack"), walkDue(repository, T0.plusSeconds(1), T0, 1, 1));
        assertEquals(Optional.of(T0.plusSeconds(60)), pause.pausedUntil(T0));
    }

    private Map<String, AttributeValue> rawItem(String handleKey) {
        return client.getItem(request -> request.tableName(tableName)
                        .key(Map.of("handle_key", s(handleKey)))
                        .consistentRead(true))
                .item();
    }

    /**
     * Items the repository did not write and cannot read: {@code badurl} (a picture URL not X's), {@code Not a
     * handle!} (a key that is no handle), {@code notime} (no scrape time) and {@code texttime} (a scrape time that
     * is text).
     */
    private void putUnreadableItems() {
        putRaw(Map.of(
                "handle_key",
                s("badurl"),
                "handle",
                s("badurl"),
                "profile_url",
                s("http://example.com/x.jpg"),
                "scraped_at",
                n(T0.toEpochMilli())));
        putRaw(Map.of(
                "handle_key",
                s("Not a handle!"),
                "handle",
                s("x"),
                "profile_url",
                s("https://pbs.twimg.com/profile_images/1/pic_400x400.jpg"),
                "scraped_at",
                n(1)));
        putRaw(Map.of(
                "handle_key",
                s("notime"),
                "handle",
                s("notime"),
                "profile_url",
                s("https://pbs.twimg.com/profile_images/1/pic_400x400.jpg")));
        putRaw(Map.of(
                "handle_key",
                s("texttime"),
                "handle",
                s("texttime"),
                "profile_url",
                s("https://pbs.twimg.com/profile_images/1/pic_400x400.jpg"),
                "scraped_at",
                s("yesterday")));
    }

    private void putRaw(Map<String, AttributeValue> item) {
        client.putItem(request -> request.tableName(tableName).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
