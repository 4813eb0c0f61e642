package com.profilepictures.adapters.lambda;

import static com.profilepictures.adapters.lambda.SqsEvents.event;
import static com.profilepictures.adapters.lambda.SqsEvents.failedIds;
import static com.profilepictures.adapters.lambda.SqsEvents.withAttribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.profilepictures.application.ArchivePicture;
import com.profilepictures.application.testing.FakePictureHost;
import com.profilepictures.application.testing.InMemoryPictureArchive;
import com.profilepictures.application.testing.InMemoryPictureHistory;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.application.testing.MutableClock;
import com.profilepictures.application.testing.SampleImages;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureSize;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchiveSweepHandlerTest {

    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");

    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();
    private final FakePictureHost host = new FakePictureHost();
    private final ArchiveSweepHandler handler = new ArchiveSweepHandler(
            new ArchivePicture(new InMemoryPictureHistory(), host, new InMemoryPictureArchive(), repository),
            new MutableClock(T0));

    private static PictureUrl pictureOf(String handle) {
        return PictureUrl.of("https://pbs.twimg.com/profile_images/9/" + handle + "_normal.jpg");
    }

    private void stored(String handle, boolean served) {
        repository.saveIfNewer(new ProfilePicture(Handle.of(handle), pictureOf(handle), T0));
        if (served) {
            host.serve(pictureOf(handle).withSize(PictureSize.ARCHIVED), "image/jpeg", SampleImages.jpeg(handle));
        }
    }

    private static SQSEvent.SQSMessage message(String id, String body, String picture, String scrapedAt) {
        return withAttribute(
                withAttribute(SqsEvents.message(id, body), ArchiveSweepHandler.PICTURE, "String", picture),
                ArchiveSweepHandler.SCRAPED_AT,
                "Number",
                scrapedAt);
    }

    private static SQSEvent.SQSMessage sweepOf(String id, String handle) {
        return message(id, handle, pictureOf(handle).value(), Long.toString(T0.toEpochMilli()));
    }

    @Test
    void givenSweptPictures_aBatch_archivesEach_andNamesOnlyTheFailedAndUnreadableMessages() {
        stored("jack", true);
        stored("gonepic", false); // the fake host answers 404: not archivable, done with
        stored("jill", true);
        TestContext context = new TestContext();

        SQSBatchResponse response = handler.handle(
                event(
                        sweepOf("m1", "jack"),
                        sweepOf("m2", "gonepic"),
                        message("m3", "jill", "not a url", "1"),
                        message("m4", "jill", pictureOf("jill").value(), null),
                        sweepOf("m5", "jill"),
                        message("m6", null, pictureOf("jill").value(), "1")),
                context);

        assertEquals(List.of("m3", "m4", "m6"), failedIds(response));
        assertTrue(repository.find(Handle.of("jack")).orElseThrow().archived());
        assertTrue(repository.find(Handle.of("jill")).orElseThrow().archived());
        assertFalse(repository.find(Handle.of("gonepic")).orElseThrow().archived());
        List<JsonObject> lines = context.lines().stream()
                .map(line -> JsonParser.parseString(line.message()).getAsJsonObject())
                .toList();
        assertEquals(6, lines.size(), "one line a message");
        JsonObject gone = lines.get(1);
        assertEquals("not_archivable", gone.get("outcome").getAsString());
        assertTrue(gone.get("marked").getAsBoolean(), "marked for the sweep to leave it");
        assertEquals("archive_sweep", lines.get(0).get("event").getAsString());
        assertEquals("archived", lines.get(0).get("outcome").getAsString());
        assertEquals(
                "{\"dimensions\":[\"outcome\"],\"values\":{\"ArchiveOutcomes\":1}}",
                lines.get(0).get("metrics").toString());
        assertEquals("unreadable", lines.get(2).get("outcome").getAsString());
    }

    @Test
    void givenTheHostDown_theMessageIsFailed_forTheQueueToDeliverAgain_andARetryArchivesIt() {
        stored("jack", true);
        host.goDown();

        SQSBatchResponse down = handler.handle(event(sweepOf("m1", "jack")), new TestContext());
        host.comeBack();
        SQSBatchResponse up = handler.handle(event(sweepOf("m1", "jack")), new TestContext());

        assertEquals(List.of("m1"), failedIds(down));
        assertEquals(List.of(), failedIds(up));
        assertTrue(repository.find(Handle.of("jack")).orElseThrow().archived());
    }

    @Test
    void anEmptyEventFailsNothing() {
        assertEquals(List.of(), failedIds(handler.handle(new SQSEvent(), null)));
    }
}
