package com.profilepictures.adapters.lambda;

import static com.profilepictures.adapters.lambda.ApiGatewayEvents.getProfilePic;
import static com.profilepictures.adapters.lambda.Responses.assertError;
import static com.profilepictures.adapters.lambda.Responses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.profilepictures.application.GetProfilePicture;
import com.profilepictures.application.testing.InMemoryProfilePictureRepository;
import com.profilepictures.application.testing.MutableClock;
import com.profilepictures.domain.picture.AccountStatus;
import com.profilepictures.domain.picture.ArchiveMark;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.ImageVersion;
import com.profilepictures.domain.picture.InvalidHandleException;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.picture.ProfilePicture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GetProfilePictureHandlerTest {

    private static final String PICTURE =
            "https://abs.twimg.com/sticky/default_profile_images/default_profile_400x400.png";
    private static final Instant SCRAPED_AT = Instant.parse("2026-11-28T04:00:00.123Z");

    private final InMemoryProfilePictureRepository repository = new InMemoryProfilePictureRepository();
    private final MutableClock clock = new MutableClock(SCRAPED_AT);
    private final GetProfilePictureHandler handler =
            new GetProfilePictureHandler(new GetProfilePicture(repository), clock);
    private final TestContext context = new TestContext();

    @Test
    void givenAStoredPicture_get_answersItWithTheCanonicalSpellingWhateverTheCaseAsked() {
        repository.saveIfNewer(new ProfilePicture(Handle.of("Jack"), PictureUrl.of(PICTURE), SCRAPED_AT));

        // The event asks for JACK.
        var response = handler.handle(ApiGatewayEvents.load("get-profile-pic.json"), context);

        assertEquals(200, response.getStatusCode(), response.getBody());
        Responses.assertBody("stored-picture.json", response.getBody());
        assertEquals(ApiGatewayEvents.GET_REQUEST_ID, response.getHeaders().get("X-Request-Id"));
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
    }

    @Test
    void givenAStoredAccountTheRefreshFoundGone_get_answersItsPictureAndWhatBecameOfIt() {
        repository.saveIfNewer(new ProfilePicture(Handle.of("Jack"), PictureUrl.of(PICTURE), SCRAPED_AT));
        Instant checkedAt = SCRAPED_AT.plusSeconds(86_400);
        repository.recordAccountStatus(Handle.of("Jack"), AccountStatus.NOT_FOUND, checkedAt);

        var body = json(handler.handle(getProfilePic("jack"), context));

        assertEquals("not_found", body.get("accountStatus").getAsString());
        assertEquals("2026-11-29T04:00:00.123Z", body.get("checkedAt").getAsString());
        assertEquals("2026-11-28T04:00:00.123Z", body.get("scrapedAt").getAsString(), "the picture first seen then");
        assertEquals(PICTURE, body.get("profile_url").getAsString(), "a gone account keeps its picture");
    }

    @Test
    void givenThePicturesCopyIsMarked_get_saysItIsArchived() {
        PictureUrl picture = PictureUrl.of(PICTURE);
        repository.saveIfNewer(new ProfilePicture(Handle.of("Jack"), picture, SCRAPED_AT));
        repository.markArchived(Handle.of("Jack"), new ArchiveMark(picture, ImageVersion.of("ab".repeat(32))));

        var body = json(handler.handle(getProfilePic("jack"), context));

        assertTrue(body.get("archived").getAsBoolean());
        assertEquals(
                "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/user/Jack/profile_pic/image",
                body.get("image").getAsString(),
                "the stored spelling, the host asked, and no stage: this event's path has none");
    }

    @Test
    void givenANewerPictureThanTheMarkedOne_get_saysItIsNotArchivedYet() {
        Handle jack = Handle.of("Jack");
        PictureUrl earlier = PictureUrl.of("https://pbs.twimg.com/profile_images/1/earlier_400x400.jpg");
        repository.saveIfNewer(new ProfilePicture(jack, earlier, SCRAPED_AT));
        repository.markArchived(jack, new ArchiveMark(earlier, ImageVersion.of("cd".repeat(32))));
        repository.saveIfNewer(new ProfilePicture(jack, PictureUrl.of(PICTURE), SCRAPED_AT.plusSeconds(60)));

        var body = json(handler.handle(ApiGatewayEvents.load("get-profile-pic.json"), context));

        assertEquals(PICTURE, body.get("profile_url").getAsString());
        assertFalse(body.get("archived").getAsBoolean());
    }

    @Test
    void givenAnyCaseOfTheHandle_get_findsTheUser() {
        repository.saveIfNewer(new ProfilePicture(Handle.of("Jack"), PictureUrl.of(PICTURE), SCRAPED_AT));

        for (String asked : List.of("jack", "JACK", "jAcK", "Jack")) {
            var response = handler.handle(getProfilePic(asked), context);

            assertEquals(200, response.getStatusCode(), asked);
            assertEquals("Jack", json(response).get("handle").getAsString());
        }
    }

    @Test
    void givenAHandleNeverScraped_get_answersUserNotFound() {
        var response = handler.handle(getProfilePic("nobody"), context);

        String message = assertError(response, 404, "user_not_found");
        assertEquals("No picture is stored for @nobody; POST /scrape it first.", message);
        JsonObject log = context.onlyLogLine();
        assertEquals(404, log.get("status").getAsInt());
        assertEquals("GET", log.get("method").getAsString());
        assertEquals("/user/{handle}/profile_pic", log.get("route").getAsString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"@jack", "jack\n", "sixteen_chars_xx", "jäck", "ja ck", "%40jack", ""})
    void givenSomethingThatIsNoHandle_get_answersInvalidHandle(String handle) {
        var response = handler.handle(getProfilePic(handle), context);

        String message = assertError(response, 400, "invalid_handle");
        assertEquals(
                assertThrows(InvalidHandleException.class, () -> Handle.of(handle))
                        .getMessage(),
                message);
    }

    @Test
    void givenNoPathParameters_get_answersInvalidHandle() {
        var event = ApiGatewayEvents.load("get-profile-pic.json").withPathParameters(null);

        assertError(handler.handle(event, context), 400, "invalid_handle");
    }

    @Test
    void givenTheStoreDown_get_answers503WithRetryAfter() {
        repository.goDown();

        var response = handler.handle(getProfilePic("jack"), context);

        assertError(response, 503, "storage_unavailable");
        assertEquals("10", response.getHeaders().get("Retry-After"));
        assertEquals("WARN", context.onlyLogLine().get("level").getAsString());
    }
}
