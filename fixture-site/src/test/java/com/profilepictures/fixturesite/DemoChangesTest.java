package com.profilepictures.fixturesite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo's control over HTTP: {@code POST /_demo/change/{handle}}, as a person or a test in another process uses it. */
class DemoChangesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36";

    private FixtureSite site;

    @BeforeEach
    void start() {
        site = FixtureSite.start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aChangeGivesANormalProfileANewPictureThatItsPagesItsApiUserAndItsUrlAllShow() throws Exception {
        String first = FixtureSite.pictureUrlOf("walker");

        HttpResponse<String> changed = post("/_demo/change/Walker");

        assertEquals(200, changed.statusCode(), changed.body());
        assertTrue(changed.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        String picture = field(changed.body(), "picture");
        assertEquals("Walker", field(changed.body(), "handle"));
        assertEquals(first, field(changed.body(), "previous"));
        assertNotEquals(first, picture);
        assertEquals(picture, site.currentPictureUrlOf("walker"));
        String crawlerPage = get("/intent/user?screen_name=walker", "curl/8.5").body();
        String browserPage = get("/walker", BROWSER).body();
        assertTrue(crawlerPage.contains(picture) && !crawlerPage.contains(first), crawlerPage);
        assertTrue(browserPage.contains(picture) && !browserPage.contains(first), browserPage);
        String apiUser = HTTP.send(
                        HttpRequest.newBuilder(URI.create(
                                        site.baseUrl() + "/2/users/by/username/walker?user.fields=profile_image_url"))
                                .header("Authorization", "Bearer " + FixtureSite.X_API_TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertEquals(picture.replace("_400x400.", "_normal."), field(apiUser, "profile_image_url"), apiUser);
        HttpResponse<byte[]> bytes = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(site.baseUrl() + URI.create(picture).getRawPath()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, bytes.statusCode());
        assertArrayEquals(FixtureSite.pictureBytesOf(picture), bytes.body());
        assertFalse(Arrays.equals(FixtureSite.pictureBytesOf(first), bytes.body()));

        HttpResponse<String> again = post("/_demo/change/walker");

        assertEquals(picture, field(again.body(), "previous"), "each change starts from the picture shown now");
        assertNotEquals(picture, field(again.body(), "picture"));
    }

    @Test
    void aRequestThatChangesNothingGetsAClearJsonErrorAndChangesNothing() throws Exception {
        String shown = site.currentPictureUrlOf("walker");

        assertError(get("/_demo/change/walker", BROWSER), 405, "method_not_allowed");
        assertError(post("/_demo/change/" + FixtureSite.NONEXISTENT), 400, "not_a_normal_profile");
        assertError(post("/_demo/change/" + FixtureSite.DEFAULT_AVATAR), 400, "not_a_normal_profile");
        assertError(post("/_demo/change/" + FixtureSite.APP_ONLY + "2"), 400, "not_a_normal_profile");
        assertError(post("/_demo/change/not-a-handle"), 400, "invalid_handle");
        assertError(post("/_demo/change/sixteen_letters_"), 400, "invalid_handle");
        assertError(post("/_demo/rotate/walker"), 404, "not_found");

        assertEquals(shown, site.currentPictureUrlOf("walker"));
        assertEquals(
                FixtureSite.pictureUrlOf(FixtureSite.DEFAULT_AVATAR),
                site.currentPictureUrlOf(FixtureSite.DEFAULT_AVATAR));
        assertEquals(
                "POST",
                get("/_demo/change/walker", BROWSER)
                        .headers()
                        .firstValue("Allow")
                        .orElseThrow());
    }

    private static void assertError(HttpResponse<String> answer, int status, String code) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertTrue(answer.body().startsWith("{\"error\":{\"code\":\"" + code + "\",\"message\":\""), answer.body());
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertTrue(value.find(), name + " in " + json);
        return value.group(1);
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String userAgent) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
                        .header("User-Agent", userAgent)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
