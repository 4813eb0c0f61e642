package com.profilepictures.adapters.lambda;

import static com.profilepictures.adapters.lambda.ArchiveRouteEvents.history;
import static com.profilepictures.adapters.lambda.Responses.assertError;
import static com.profilepictures.adapters.lambda.Responses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.profilepictures.application.ArchivePicture;
import com.profilepictures.application.GetPictureHistory;
import com.profilepictures.application.testing.FakePictureHost;
import com.profilepictures.application.testing.InMemoryPictureArchive;
import com.profilepictures.application.testing.InMemoryPictureHistory;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.application.testing.MutableClock;
import com.profilepictures.application.testing.SampleImages;
import com.profilepictures.domain.history.HistoryCursor;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GetPictureHistoryHandlerTest {

    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");
    private static final Handle JACK = Handle.of("Jack");

    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();
    private final InMemoryPictureHistory pictureHistory = new InMemoryPictureHistory();
    private final InMemoryPictureArchive archive = new InMemoryPictureArchive();
    private final FakePictureHost host = new FakePictureHost();
    private final ArchivePicture archivePicture = new ArchivePicture(pictureHistory, host, archive, repository);
    private final GetPictureHistoryHandler handler =
            new GetPictureHistoryHandler(new GetPictureHistory(repository, pictureHistory), new MutableClock(T0));
    private final TestContext context = new TestContext();

    private static PictureUrl picture(String id) {
        return PictureUrl.of("https://pbs.twimg.com/profile_images/" + id + "/jack_400x400.jpg");
    }

    private void scraped(String id, Instant at, boolean served) {
        if (served) {
            host.serve(picture(id), "image/jpeg", SampleImages.jpeg(id));
        }
        repository.saveIfNewer(new ProfilePicture(JACK, picture(id), at));
        archivePicture.archive(JACK, picture(id), at);
    }

    @Test
    void givenAHistory_get_answersItNewestFirstWithImageUrlsBuiltFromTheRequest() {
        scraped("1", T0, true);
        scraped("2", T0.plusSeconds(60), false);
        scraped("1", T0.plusSeconds(120), true);
        String version = ImageVersion.ofBytes(SampleImages.jpeg("1")).sha256();

        // The event asks for JACK, through the Prod stage of an execute-api host.
        var response = handler.handle(ApiGatewayEvents.load("get-picture-history.json"), context);

        assertEquals(200, response.getStatusCode(), response.getBody());
        Responses.assertBody("picture-history.json", Map.of("version", version), response.getBody());
        assertEquals(
                ArchiveRouteEvents.HISTORY_REQUEST_ID, response.getHeaders().get("X-Request-Id"));
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        assertEquals(2, context.onlyLogLine().get("pictures").getAsInt());
    }

    @Test
    void givenEveryPageWalked_get_returnsEveryPictureOnce() {
        for (int i = 0; i < 7; i++) {
            scraped(Integer.toString(i + 1), T0.plusSeconds(i), false);
        }
        List<String> walked = new ArrayList<>();
        String lastKey = "";

        do {
            JsonObject body = json(handler.handle(history("jack", "lastKey", lastKey, "limit", "3"), context));
            JsonArray pictures = body.getAsJsonArray("pictures");
            assertTrue(pictures.size() <= 3);
            pictures.forEach(entry ->
                    walked.add(entry.getAsJsonObject().get("profile_url").getAsString()));
            lastKey = body.get("lastKey").getAsString();
        } while (!lastKey.isEmpty() && walked.size() < 100);

        assertEquals(7, walked.size());
        assertEquals(7, new HashSet<>(walked).size());
        assertEquals(picture("7").value(), walked.get(0), "newest first");
    }

    @Test
    void givenAnAccountStoredBeforeTheArchive_get_answersAnEmptyHistory() {
        repository.saveIfNewer(new ProfilePicture(JACK, picture("1"), T0));

        var response = handler.handle(history("jack"), context);

        assertEquals("{\"handle\":\"Jack\",\"pictures\":[],\"lastKey\":\"\"}", response.getBody());
    }

    @Test
    void givenAHandleNeverScraped_get_answersUserNotFound() {
        assertError(handler.handle(history("nobody"), context), 404, "user_not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"amFjaw", "%%%", "not a cursor"})
    void givenALastKeyThatIsNoHistoryCursor_get_answersInvalidCursor(String lastKey) {
        scraped("1", T0, false);

        assertError(handler.handle(history("jack", "lastKey", lastKey), context), 400, "invalid_cursor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "1.5", " 5", "ten"})
    void givenALimitOutOfRange_get_answersInvalidLimit(String limit) {
        scraped("1", T0, false);

        assertError(handler.handle(history("jack", "limit", limit), context), 400, "invalid_limit");
    }

    @Test
    void givenAParameterTwice_get_refusesIt() {
        scraped("1", T0, false);
        String cursor = new HistoryCursor(T0, picture("1")).encode();

        assertError(handler.handle(history("jack", "limit", "5", "limit", "6"), context), 400, "invalid_limit");
        assertError(
                handler.handle(history("jack", "lastKey", cursor, "lastKey", cursor), context), 400, "invalid_cursor");
    }

    @Test
    void givenSomethingThatIsNoHandle_get_answersInvalidHandle() {
        assertError(handler.handle(history("jack!"), context), 400, "invalid_handle");
    }

    @Test
    void givenTheHistoryDown_get_answers503WithRetryAfter() {
        scraped("1", T0, false);
        pictureHistory.goDown();

        var response = handler.handle(history("jack"), context);

        assertError(response, 503, "storage_unavailable");
        assertEquals("10", response.getHeaders().get("Retry-After"));
    }
}
