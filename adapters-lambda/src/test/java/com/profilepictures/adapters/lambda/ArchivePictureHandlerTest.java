package com.profilepictures.adapters.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.profilepictures.adapters.dynamodb.PictureStream;
import com.profilepictures.application.ArchivePicture;
import com.profilepictures.application.testing.FakePictureHost;
import com.profilepictures.application.testing.InMemoryPictureArchive;
import com.profilepictures.application.testing.InMemoryPictureHistory;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.application.testing.MutableClock;
import com.profilepictures.application.testing.SampleImages;
import com.profilepictures.domain.history.HistoryEntry;
import com.profilepictures.domain.page.PageRequest;
import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ArchivePictureHandlerTest {

    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");
    private static final Handle JACK = Handle.of("Jack");
    // The picture of the INSERT in events/picture-table-stream.json, at the size the archive downloads.
    private static final PictureUrl EVENT_PICTURE =
            PictureUrl.of("https://pbs.twimg.com/profile_images/1661201415899951105/azNjKOSH_400x400.jpg");

    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();
    private final InMemoryPictureHistory history = new InMemoryPictureHistory();
    private final InMemoryPictureArchive archive = new InMemoryPictureArchive();
    private final FakePictureHost host = new FakePictureHost();
    private final ArchivePictureHandler handler = new ArchivePictureHandler(
            new ArchivePicture(history, host, archive, repository), PictureStream::read, new MutableClock(T0));
    private final TestContext context = new TestContext();

    private static PictureUrl picture(String id) {
        return PictureUrl.of("https://pbs.twimg.com/profile_images/" + id + "/jack_400x400.jpg");
    }

    /** Stores a scrape and serves its bytes; returns the stream record the write made. */
    private DynamodbEvent.DynamodbStreamRecord scrape(String id, Instant scrapedAt) {
        host.serve(picture(id), "image/jpeg", SampleImages.jpeg(id));
        int before = repository.changes().size();
        repository.saveIfNewer(new ProfilePicture(JACK, picture(id), scrapedAt));
        return StreamEvents.record(repository.changes().get(before));
    }

    private List<JsonObject> logLines() {
        return context.lines().stream()
                .map(line -> JsonParser.parseString(line.message()).getAsJsonObject())
                .toList();
    }

    private static List<String> failedSequenceNumbers(StreamsEventResponse response) {
        return response.getBatchItemFailures().stream()
                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @Test
    void givenARealisticEvent_handle_archivesTheInsertedPictureAndIgnoresTheMarksOwnRecord() {
        byte[] bytes = SampleImages.jpeg("jack");
        host.serve(EVENT_PICTURE, "image/jpeg", bytes);
        repository.saveIfNewer(new ProfilePicture(
                JACK, EVENT_PICTURE.withSize(PictureSize.NORMAL), Instant.ofEpochMilli(1795838400123L)));

        StreamsEventResponse response = handler.handle(StreamEvents.load("picture-table-stream.json"), context);

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(List.of(EVENT_PICTURE), host.requested(), "downloaded once, for the INSERT only");
        assertEquals(
                Optional.of(ImageVersion.ofBytes(bytes)),
                repository.find(JACK).orElseThrow().imageVersion());
        List<JsonObject> lines = logLines();
        assertEquals("archived", lines.get(0).get("outcome").getAsString());
        assertEquals(
                "111100000000012345678901", lines.get(0).get("sequenceNumber").getAsString());
        assertEquals("Jack", lines.get(0).get("handle").getAsString());
        assertEquals(context.getAwsRequestId(), lines.get(0).get("requestId").getAsString(), "the invocation's id");
        assertEquals(T0.toString(), lines.get(0).get("timestamp").getAsString());
        assertEquals("ignored", lines.get(1).get("outcome").getAsString());
        assertEquals("INFO", lines.get(1).get("level").getAsString());
    }

    @Test
    void givenArchivingsOwnWritesFedBack_handle_startsNoFurtherWork() {
        List<DynamodbEvent.DynamodbStreamRecord> batch = List.of(scrape("1", T0));
        int rounds = 0;

        while (!batch.isEmpty()) {
            assertTrue(rounds < 5, "still writing after " + rounds + " rounds: archiving feeds on its own writes");
            int seen = repository.changes().size();
            assertEquals(
                    List.of(), handler.handle(StreamEvents.of(batch), context).getBatchItemFailures());
            rounds++;
            // The stream carries every write, and moto's even a second one for an update that changed nothing.
            batch = repository.changes().subList(seen, repository.changes().size()).stream()
                    .flatMap(change -> Stream.of(
                            StreamEvents.record(change),
                            StreamEvents.record(Optional.of(change.after()), Optional.of(change.after()))))
                    .toList();
        }

        assertEquals(2, rounds, "the scrape's record, then the mark's, which writes nothing");
        assertEquals(List.of(picture("1")), host.requested());
        assertTrue(repository.find(JACK).orElseThrow().archived());
    }

    @Test
    void givenARefreshsChecks_handle_ignoresThemAsNoPictures() {
        handler.handle(StreamEvents.of(List.of(scrape("1", T0))), context);
        int seen = repository.changes().size();
        int downloads = host.requested().size();
        var before = history.list(JACK, PageRequest.first(10));

        repository.markQueued(JACK, T0.plusSeconds(60), T0.plusSeconds(600));
        repository.recordSamePicture(JACK, picture("1").withSize(PictureSize.NORMAL), T0.plusSeconds(120));
        repository.recordAccountStatus(JACK, AccountStatus.SUSPENDED, T0.plusSeconds(180));
        List<DynamodbEvent.DynamodbStreamRecord> checks =
                repository.changes().subList(seen, repository.changes().size()).stream()
                        .map(StreamEvents::record)
                        .toList();
        StreamsEventResponse response = handler.handle(StreamEvents.of(checks), context);

        assertEquals(3, checks.size());
        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(downloads, host.requested().size(), "nothing downloaded");
        assertEquals(before, history.list(JACK, PageRequest.first(10)), "nothing recorded");
    }

    @Test
    void givenARescrapeOfAnArchivedPicture_handle_recordsItWithoutDownloadingAgain() {
        handler.handle(StreamEvents.of(List.of(scrape("1", T0))), context);

        StreamsEventResponse response =
                handler.handle(StreamEvents.of(List.of(scrape("1", T0.plusSeconds(60)))), context);

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(1, host.requested().size());
        assertEquals(T0.plusSeconds(60), history.entries(JACK).get(0).lastSeenAt());
        assertEquals(
                "already_archived",
                logLines().get(logLines().size() - 1).get("outcome").getAsString());
        assertTrue(repository.find(JACK).orElseThrow().archived());
    }

    @Test
    void givenTwoScrapesInOneBatch_handle_recordsEachInTheHistoryOnce() {
        var first = scrape("1", T0);
        var second = scrape("2", T0.plusMillis(3));

        StreamsEventResponse response = handler.handle(StreamEvents.of(List.of(first, second)), context);

        assertEquals(List.of(), response.getBatchItemFailures());
        List<PictureUrl> entries = history.entries(JACK).stream()
                .map(HistoryEntry::picture)
                .sorted(Comparator.comparing(PictureUrl::value))
                .toList();
        assertEquals(List.of(picture("1"), picture("2")), entries);
        assertEquals(picture("2"), repository.find(JACK).orElseThrow().url());
        assertTrue(repository.find(JACK).orElseThrow().archived());
    }

    @Test
    void givenAFailedRecord_handle_reportsItWithEveryRecordAfterItAndDoesThoseNotTwice() {
        var first = scrape("1", T0);
        var failing = scrape("2", T0.plusSeconds(1));
        var later = scrape("3", T0.plusSeconds(2));
        host.answer(picture("2"), 503, "text/html", new byte[0]);

        StreamsEventResponse response = handler.handle(StreamEvents.of(List.of(first, failing, later)), context);

        assertEquals(
                List.of(
                        failing.getDynamodb().getSequenceNumber(),
                        later.getDynamodb().getSequenceNumber()),
                failedSequenceNumbers(response));
        assertEquals(
                List.of(picture("1"), picture("2")), host.requested(), "the record after the failure was not started");
        JsonObject failure = logLines().get(1);
        assertEquals("failed", failure.get("outcome").getAsString());
        assertEquals("WARN", failure.get("level").getAsString(), "an outage is a warning");
        assertFalse(failure.has("stackTrace"));
    }

    @Test
    void givenTheBatchRedeliveredFromTheFailedRecord_handle_finishesTheJob() {
        var first = scrape("1", T0);
        var failing = scrape("2", T0.plusSeconds(1));
        var later = scrape("3", T0.plusSeconds(2));
        host.goDown();
        handler.handle(StreamEvents.of(List.of(first, failing, later)), context);
        host.comeBack();

        StreamsEventResponse retried = handler.handle(StreamEvents.of(List.of(first, failing, later)), context);

        assertEquals(List.of(), retried.getBatchItemFailures());
        assertEquals(3, history.entries(JACK).size());
        assertTrue(
                history.entries(JACK).stream().allMatch(entry -> entry.image().isPresent()));
        assertEquals(3, archive.size());
        assertTrue(repository.find(JACK).orElseThrow().archived());
    }

    @Test
    void givenAPictureThatIsNoImage_handle_logsItAndDoesNotRetry() {
        var record = scrape("1", T0);
        host.serve(picture("1"), "text/html", "<html>oops</html>".getBytes(StandardCharsets.UTF_8));

        StreamsEventResponse response = handler.handle(StreamEvents.of(List.of(record)), context);

        assertEquals(List.of(), response.getBatchItemFailures());
        JsonObject line = logLines().get(0);
        assertEquals("not_archivable", line.get("outcome").getAsString());
        assertEquals("WARN", line.get("level").getAsString());
        assertTrue(line.get("reason").getAsString().contains("text/html"), line.toString());
        assertFalse(repository.find(JACK).orElseThrow().archived());
        assertEquals(0, archive.size());
    }

    @Test
    void givenABug_handle_failsTheRecordAndLogsItInFull() {
        var record = scrape("1", T0);
        var buggy = new ArchivePictureHandler(
                new ArchivePicture(
                        history,
                        picture -> {
                            throw new IllegalStateException("a bug");
                        },
                        archive,
                        repository),
                PictureStream::read,
                new MutableClock(T0));

        StreamsEventResponse response = buggy.handle(StreamEvents.of(List.of(record)), context);

        assertEquals(List.of(record.getDynamodb().getSequenceNumber()), failedSequenceNumbers(response));
        JsonObject line = logLines().get(0);
        assertEquals("ERROR", line.get("level").getAsString());
        assertTrue(line.get("message").getAsString().contains("a bug"));
        assertTrue(line.get("where").getAsString().contains("ArchivePictureHandlerTest"), line.toString());
        assertFalse(line.has("stackTrace"));
    }

    @Test
    void givenRemovalsAndUnreadableItems_handle_ignoresThemAndFlagsAStreamWithoutOldImages() {
        var jack = new ProfilePicture(JACK, picture("1"), T0);
        var removal = StreamEvents.record(Optional.of(jack), Optional.empty());
        var withoutOldImage = StreamEvents.record(Optional.of(jack), Optional.of(jack));
        withoutOldImage.getDynamodb().setOldImage(null);
        var unreadable = StreamEvents.record(Optional.empty(), Optional.of(jack));
        unreadable
                .getDynamodb()
                .getNewImage()
                .put("profile_url", new AttributeValue().withS("http://evil.example/a.jpg"));

        StreamsEventResponse response =
                handler.handle(StreamEvents.of(List.of(removal, withoutOldImage, unreadable)), context);

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(List.of(), host.requested());
        List<JsonObject> lines = logLines();
        assertEquals(
                List.of("INFO", "WARN", "WARN"),
                lines.stream().map(line -> line.get("level").getAsString()).toList());
        assertTrue(lines.get(1).get("why").getAsString().contains("NEW_AND_OLD_IMAGES"));
    }

    @Test
    void givenAnEmptyOrMissingBatch_handle_succeeds() {
        assertEquals(
                List.of(), handler.handle(StreamEvents.of(List.of()), context).getBatchItemFailures());
        assertEquals(List.of(), handler.handle(new DynamodbEvent(), context).getBatchItemFailures());
        assertEquals(List.of(), handler.handle(null, context).getBatchItemFailures());
    }
}
