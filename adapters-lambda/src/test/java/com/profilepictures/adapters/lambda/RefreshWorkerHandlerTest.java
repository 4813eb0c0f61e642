package com.profilepictures.adapters.lambda;

import static com.profilepictures.adapters.lambda.SqsEvents.event;
import static com.profilepictures.adapters.lambda.SqsEvents.failedIds;
import static com.profilepictures.adapters.lambda.SqsEvents.withAttribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.profilepictures.application.RefreshBatch;
import com.profilepictures.application.RefreshProfilePictures;
import com.profilepictures.application.RefreshSource;
import com.profilepictures.application.testing.FakeProfilePictureScraper;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.application.testing.InMemoryRefreshPause;
import com.profilepictures.application.testing.InMemoryRefreshQueue;
import com.profilepictures.application.testing.MutableClock;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import com.profilepictures.domain.port.RefreshPause;
import com.profilepictures.domain.port.StorageUnavailableException;
import com.profilepictures.domain.refresh.RefreshRequest;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.ScrapeVerdict.Undecided;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RefreshWorkerHandlerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration RETRY_DELAY = Duration.ofMinutes(2);
    private static final int MAX_ATTEMPTS = 3;
    private static final String OLD = "https://pbs.twimg.com/profile_images/1/old_400x400.jpg";
    private static final String NEW = "https://pbs.twimg.com/profile_images/2/new_400x400.jpg";

    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();
    private final MutableClock clock = new MutableClock(NOW);
    private final FakeProfilePictureScraper crawler = new FakeProfilePictureScraper();
    private final InMemoryRefreshQueue again = new InMemoryRefreshQueue();
    private final InMemoryRefreshQueue browser = new InMemoryRefreshQueue();
    private final List<RefreshProfilePictures> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RefreshProfilePictures::close);
    }

    private RefreshWorkerHandler handler(RefreshPause pause) {
        RefreshProfilePictures refresh = new RefreshProfilePictures(
                RefreshSource.crawler(crawler), pause, repository, clock, 4, Duration.ofSeconds(30), RETRY_DELAY);
        opened.add(refresh);
        return new RefreshWorkerHandler(new RefreshBatch(refresh, again, browser, clock, MAX_ATTEMPTS), clock);
    }

    private static SQSEvent.SQSMessage message(String id, String body, String attempt) {
        return withAttribute(SqsEvents.message(id, body), RefreshWorkerHandler.ATTEMPT, "Number", attempt);
    }

    @Test
    void givenABatch_handle_failsExactlyTheMessagesToBeReceivedAgain() {
        repository.saveIfNewer(
                new ProfilePicture(Handle.of("jack"), PictureUrl.of(OLD), NOW.minus(Duration.ofDays(2))));
        crawler.withPicture("jack", NEW);
        crawler.withVerdict("apponly", new Undecided(Undecided.Cause.NO_PROFILE, "no profile on the page"));
        crawler.withVerdict("slow", new Undecided(Undecided.Cause.UNREACHABLE, "X erroring"));
        crawler.withVerdict("tired", new Undecided(Undecided.Cause.UNREACHABLE, "X erroring"));
        crawler.withVerdict("refused", new ScrapeVerdict.CredentialsRefused("our token refused"));

        SQSBatchResponse response = handler(new InMemoryRefreshPause())
                .handle(
                        event(
                                message("m-jack", "jack", "1"),
                                message("m-apponly", "apponly", null),
                                message("m-slow", "slow", "2"),
                                message("m-tired", "tired", Integer.toString(MAX_ATTEMPTS)),
                                message("m-refused", "refused", "1"),
                                message("m-poison", "not a handle!", "1"),
                                message("m-attempt", "jill", "many")),
                        new TestContext());

        assertEquals(List.of("m-poison", "m-attempt", "m-tired", "m-refused"), failedIds(response));
        assertEquals(
                PictureUrl.of(NEW),
                repository.find(Handle.of("jack")).orElseThrow().url());
        assertEquals(List.of(RefreshRequest.first(Handle.of("apponly"))), browser.sent());
        assertEquals(
                List.of(new RefreshRequest(Handle.of("slow"), 3, RETRY_DELAY)),
                again.sent(),
                "sent again with a delay, and not a failure");
    }

    @Test
    void givenAPauseThatCannotBeRead_handle_failsEveryMessage() {
        RefreshPause down = new RefreshPause() {
            @Override
            public Optional<Instant> pausedUntil(Instant now) {
                throw new StorageUnavailableException("DynamoDB away (test fault)", null);
            }

            @Override
            public void pauseUntil(Instant until) {}
        };

        SQSBatchResponse response =
                handler(down).handle(event(message("a", "jack", "1"), message("b", "jill", "1")), new TestContext());

        assertEquals(List.of("a", "b"), failedIds(response));
        assertEquals(List.of(), crawler.requested(), "X is not asked while the pause is unknown");
    }

    @Test
    void givenAnyBatch_handle_logsOneLineWithItsCounts() {
        crawler.withVerdict("refused", new ScrapeVerdict.CredentialsRefused("our token refused"));

        TestContext context = new TestContext();

        handler(new InMemoryRefreshPause()).handle(event(message("a", "refused", "1"), message("b", "", "1")), context);

        JsonObject line = lines(context).stream()
                .filter(one -> one.get("event").getAsString().equals("refresh_batch"))
                .findFirst()
                .orElseThrow();
        assertEquals(2, line.get("messages").getAsInt());
        assertEquals(2, line.get("failed").getAsInt());
        assertEquals("refused", line.getAsJsonArray("failedAccounts").get(0).getAsString());
        assertEquals("WARN", line.get("level").getAsString(), "an unreadable message is worth a warning");
    }

    @Test
    void givenABatch_handle_countsItsAccountsByOutcome_oneMetricLinePerOutcome_neverByHandle() {
        repository.saveIfNewer(
                new ProfilePicture(Handle.of("jack"), PictureUrl.of(OLD), NOW.minus(Duration.ofDays(2))));
        repository.saveIfNewer(
                new ProfilePicture(Handle.of("jill"), PictureUrl.of(OLD), NOW.minus(Duration.ofDays(2))));
        crawler.withPicture("jack", NEW);
        crawler.withPicture("jill", OLD);
        crawler.withPicture("joe", OLD);
        crawler.withVerdict("apponly", new Undecided(Undecided.Cause.NO_PROFILE, "no profile on the page"));
        TestContext context = new TestContext();

        handler(new InMemoryRefreshPause())
                .handle(
                        event(
                                message("a", "jack", "1"),
                                message("b", "jill", "1"),
                                message("c", "joe", "1"),
                                message("d", "apponly", "1"),
                                message("e", "not a handle!", "1")),
                        context);

        Map<String, Integer> counted = new TreeMap<>();
        for (JsonObject line : lines(context)) {
            if (!line.get("event").getAsString().equals("refresh_outcome")) {
                continue;
            }
            assertEquals("crawler", line.get("source").getAsString());
            assertEquals(
                    "[\"source\",\"outcome\"]",
                    line.getAsJsonObject("metrics").get("dimensions").toString());
            counted.put(
                    line.get("outcome").getAsString(),
                    line.getAsJsonObject("metrics")
                            .getAsJsonObject("values")
                            .get(RefreshWorkerHandler.METRIC)
                            .getAsInt());
            assertFalse(line.toString().contains("jack"), "no handle in a metric line: " + line);
        }
        assertEquals(
                Map.of("refreshed", 2, "unchanged", 1, "needs_browser", 1, "unreadable", 1),
                counted,
                "jack and joe have new pictures, jill the same");
    }

    private static List<JsonObject> lines(TestContext context) {
        return context.lines().stream()
                .map(line -> JsonParser.parseString(line.message()).getAsJsonObject())
                .toList();
    }

    @Test
    void givenNoRecords_handle_failsNothing() {
        SQSBatchResponse response = handler(new InMemoryRefreshPause()).handle(new SQSEvent(), null);

        assertEquals(List.of(), failedIds(response));
    }
}
