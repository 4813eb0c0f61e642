package com.profilepictures.fixturesite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The site as X's image host: real images, the same bytes per URL, a picture that changes, and the bad cases. */
class FixturePicturesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FixtureSite site;

    @BeforeAll
    static void start() {
        site = FixtureSite.start();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void servesEachPictureAsARealImageOfItsSizeTheSameBytesEveryTime() throws Exception {
        String picture = FixtureSite.pictureUrlOf("jack");

        HttpResponse<byte[]> first = get(picture);
        HttpResponse<byte[]> again = get(picture);
        HttpResponse<byte[]> small = get(picture.replace("_400x400", "_normal"));

        assertEquals(200, first.statusCode());
        assertEquals("image/jpeg", first.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(FixtureSite.pictureBytesOf(picture), first.body());
        assertArrayEquals(first.body(), again.body());
        assertEquals(400, decode(first.body()).getWidth());
        assertEquals(400, decode(first.body()).getHeight());
        assertEquals(48, decode(small.body()).getWidth());
        assertFalse(
                Arrays.equals(
                        first.body(), get(FixtureSite.pictureUrlOf("jill")).body()),
                "another picture, other bytes");
        assertEquals(3, site.pictureRequestsFor("jack"));
    }

    @Test
    void xsDefaultAvatarIsAPng() throws Exception {
        HttpResponse<byte[]> avatar = get(FixtureSite.pictureUrlOf(FixtureSite.DEFAULT_AVATAR));

        assertEquals(200, avatar.statusCode());
        assertEquals("image/png", avatar.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(400, decode(avatar.body()).getWidth());
    }

    @Test
    void aChangedPictureHasANewUrlAndNewBytesAndThePagesShowIt() throws Exception {
        String before = site.currentPictureUrlOf("Changer");

        String after = site.changePicture("changer");

        assertEquals(FixtureSite.pictureUrlOf("changer"), before);
        assertNotEquals(before, after);
        assertEquals(after, site.currentPictureUrlOf("CHANGER"));
        assertFalse(Arrays.equals(FixtureSite.pictureBytesOf(before), FixtureSite.pictureBytesOf(after)));
        assertArrayEquals(FixtureSite.pictureBytesOf(after), get(after).body());
        assertArrayEquals(
                FixtureSite.pictureBytesOf(before), get(before).body(), "the old URL still serves the old picture");
        String crawlerPage =
                new String(getPage("/intent/user?screen_name=changer").body());
        assertTrue(crawlerPage.contains(after) && !crawlerPage.contains(before), crawlerPage);
        assertNotEquals(after, site.changePicture("changer"), "every change is a new picture");
        assertThrows(IllegalArgumentException.class, () -> site.changePicture(FixtureSite.DEFAULT_AVATAR));
    }

    @Test
    void theBadPicturesAreMissingAWebPageOrTooBig() throws Exception {
        HttpResponse<byte[]> gone = get(FixtureSite.pictureUrlOf(FixtureSite.PICTURE_GONE));
        HttpResponse<byte[]> page = get(FixtureSite.pictureUrlOf(FixtureSite.PICTURE_NOT_IMAGE));
        HttpResponse<InputStream> huge = HTTP.send(
                request(FixtureSite.pictureUrlOf(FixtureSite.PICTURE_TOO_BIG)),
                HttpResponse.BodyHandlers.ofInputStream());

        assertEquals(404, gone.statusCode());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertEquals(200, huge.statusCode());
        assertEquals("image/jpeg", huge.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(huge.headers().firstValue("Content-Length").isEmpty(), "the reader must count");
        try (InputStream body = huge.body()) {
            assertEquals(5 * 1024 * 1024, body.readAllBytes().length);
        }
    }

    @Test
    void whileTheImageHostIsUnavailableEveryPictureAnswers503AndIsCounted() throws Exception {
        String picture = FixtureSite.pictureUrlOf("outage");

        site.imageHostUnavailable(true);
        int down;
        try {
            down = get(picture).statusCode();
        } finally {
            site.imageHostUnavailable(false);
        }
        HttpResponse<byte[]> back = get(picture);

        assertEquals(503, down);
        assertEquals(200, back.statusCode());
        assertArrayEquals(FixtureSite.pictureBytesOf(picture), back.body());
        assertEquals(2, site.pictureRequestsFor("outage"));
    }

    private static BufferedImage decode(byte[] bytes) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static HttpResponse<byte[]> get(String pictureUrl) throws Exception {
        return HTTP.send(request(pictureUrl), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> getPage(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(site.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    // As the picture host does with X_IMAGE_BASE_URL: X's path on the site.
    private static HttpRequest request(String pictureUrl) {
        return HttpRequest.newBuilder(
                        URI.create(site.baseUrl() + URI.create(pictureUrl).getRawPath()))
                .build();
    }
}
