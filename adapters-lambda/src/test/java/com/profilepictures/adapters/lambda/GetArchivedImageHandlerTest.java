package com.profilepictures.adapters.lambda;

import static com.profilepictures.adapters.lambda.ArchiveRouteEvents.image;
import static com.profilepictures.adapters.lambda.Responses.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.JsonObject;
import com.profilepictures.application.ArchivePicture;
import com.profilepictures.application.GetArchivedImage;
import com.profilepictures.application.testing.FakePictureHost;
import com.profilepictures.application.testing.InMemoryPictureArchive;
import com.profilepictures.application.testing.InMemoryPictureHistory;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.application.testing.MutableClock;
import com.profilepictures.application.testing.SampleImages;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.Image;
import com.profilepictures.domain.picture.ImageType;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GetArchivedImageHandlerTest {

    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00.123Z");
    private static final Handle JACK = Handle.of("Jack");

    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();
    private final InMemoryPictureHistory history = new InMemoryPictureHistory();
    private final InMemoryPictureArchive archive = new InMemoryPictureArchive();
    private final FakePictureHost host = new FakePictureHost();
    private final ArchivePicture archivePicture = new ArchivePicture(history, host, archive, repository);
    private final GetArchivedImageHandler handler =
            new GetArchivedImageHandler(new GetArchivedImage(repository, history, archive), new MutableClock(T0));
    private final TestContext context = new TestContext();

    private static PictureUrl picture(String id) {
        return PictureUrl.of("https://pbs.twimg.com/profile_images/" + id + "/jack_400x400.jpg");
    }

    /** Scrapes picture {@code id} of Jack and archives it if {@code served}; returns its bytes. */
    private byte[] scraped(String id, int seconds, boolean served) {
        byte[] bytes = SampleImages.jpeg(id);
        if (served) {
            host.serve(picture(id), "image/jpeg", bytes);
        }
        repository.saveIfNewer(new ProfilePicture(JACK, picture(id), T0.plusSeconds(seconds)));
        archivePicture.archive(JACK, picture(id), T0.plusSeconds(seconds));
        return bytes;
    }

    private Image followed(APIGatewayProxyResponseEvent response) {
        assertEquals(302, response.getStatusCode(), response.getBody());
        return archive.read(URI.create(response.getHeaders().get("Location"))).orElseThrow();
    }

    @Test
    void givenAnArchivedPicture_get_redirectsToItForAMinuteWithoutABody() {
        byte[] bytes = scraped("1", 0, true);

        // The event asks for JACK.
        var response = handler.handle(ApiGatewayEvents.load("get-archived-image.json"), context);

        assertEquals(new Image(ImageType.JPEG, bytes), followed(response));
        assertEquals("private, max-age=60", response.getHeaders().get("Cache-Control"));
        assertEquals(ArchiveRouteEvents.IMAGE_REQUEST_ID, response.getHeaders().get("X-Request-Id"));
        assertEquals("*", response.getHeaders().get("Access-Control-Allow-Origin"));
        assertFalse(response.getHeaders().containsKey("Content-Type"), "no body, so no type");
        assertNull(response.getBody());
        JsonObject log = context.onlyLogLine();
        assertEquals(302, log.get("status").getAsInt());
        assertEquals("/user/{handle}/profile_pic/image", log.get("route").getAsString());
        assertEquals(ImageVersion.ofBytes(bytes).sha256(), log.get("served").getAsString());
    }

    @Test
    void givenANewPictureBeingArchived_get_redirectsToTheLatestEarlierOne() {
        byte[] earlier = scraped("1", 0, true);
        scraped("2", 10, false);

        assertEquals(new Image(ImageType.JPEG, earlier), followed(handler.handle(image("jack"), context)));
    }

    @Test
    void givenAnEarlierVersion_get_redirectsToItFromTheAccountsHistory() {
        byte[] first = scraped("1", 0, true);
        scraped("2", 10, true);

        var response = handler.handle(
                image("jack", "version", ImageVersion.ofBytes(first).sha256()), context);

        assertEquals(new Image(ImageType.JPEG, first), followed(response));
    }

    @Test
    void givenAHandleNeverScraped_get_answersUserNotFound() {
        String message = assertError(handler.handle(image("nobody"), context), 404, "user_not_found");

        assertEquals("No picture is stored for @nobody; POST /scrape it first.", message);
    }

    @Test
    void givenNoArchivedCopy_get_answersImageNotArchived() {
        scraped("1", 0, false);

        String message = assertError(handler.handle(image("jack"), context), 404, "image_not_archived");

        assertEquals(
                "No picture of @jack is archived yet. A picture is archived just after a scrape stores it.", message);
    }

    @Test
    void givenAVersionNotInThisAccountsHistory_get_answersImageNotArchived() {
        scraped("1", 0, true);
        byte[] jills = SampleImages.jpeg("jill");
        var jillsPicture = PictureUrl.of("https://pbs.twimg.com/profile_images/9/jill_400x400.jpg");
        host.serve(jillsPicture, "image/jpeg", jills);
        repository.saveIfNewer(new ProfilePicture(Handle.of("jill"), jillsPicture, T0));
        archivePicture.archive(Handle.of("jill"), jillsPicture, T0);

        var response = handler.handle(
                image("jack", "version", ImageVersion.ofBytes(jills).sha256()), context);

        String message = assertError(response, 404, "image_not_archived");
        assertTrue(message.contains(ImageVersion.ofBytes(jills).sha256()), message);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",
                "latest",
                "../../etc/passwd"
            })
    void givenSomethingThatIsNoVersion_get_answersInvalidVersion(String version) {
        scraped("1", 0, true);

        String message =
                assertError(handler.handle(image("jack", "version", version), context), 400, "invalid_version");

        assertEquals("A version is the SHA-256 of a picture's bytes: 64 lower-case hex digits (0-9, a-f).", message);
    }

    @Test
    void givenAVersionTwice_get_refusesIt() {
        String version = ImageVersion.ofBytes(scraped("1", 0, true)).sha256();

        assertError(
                handler.handle(image("jack", "version", version, "version", version), context), 400, "invalid_version");
    }

    @Test
    void givenSomethingThatIsNoHandle_get_answersInvalidHandle() {
        assertError(handler.handle(image("@jack"), context), 400, "invalid_handle");
        assertError(
                handler.handle(ApiGatewayEvents.load("get-archived-image.json").withPathParameters(null), context),
                400,
                "invalid_handle");
    }

    @Test
    void givenTheStoreDown_get_answers503WithRetryAfter() {
        repository.goDown();

        var response = handler.handle(image("jack"), context);

        assertError(response, 503, "storage_unavailable");
        assertEquals("10", response.getHeaders().get("Retry-After"));
    }
}
