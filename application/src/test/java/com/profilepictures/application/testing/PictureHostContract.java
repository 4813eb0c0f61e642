package com.profilepictures.application.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.domain.picture.Image;
import com.profilepictures.domain.picture.ImageType;
import com.profilepictures.domain.picture.PictureDownload;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.port.PictureHost;
import com.profilepictures.domain.port.PictureHostUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link PictureHost} must make of X's answers. A subclass says how to make the host answer a
 * picture's URL; the fake and the HTTP adapter (against a local server) both extend this, so that
 * use-case tests on the fake hold for the real thing.
 */
public abstract class PictureHostContract {

    protected static final PictureUrl PICTURE =
            PictureUrl.of("https://pbs.twimg.com/profile_images/1661201415899951105/azNjKOSH_400x400.jpg");
    protected static final PictureUrl DEFAULT_PICTURE =
            PictureUrl.of("https://abs.twimg.com/sticky/default_profile_images/default_profile_400x400.png");

    /** The host under test, answering as {@link #answer} told it. */
    protected abstract PictureHost host();

    /** The host answers {@code picture} with {@code status}, {@code contentType} (none if null) and {@code body}. */
    protected abstract void answer(PictureUrl picture, int status, String contentType, byte[] body);

    /** A host that cannot be reached at all. */
    protected abstract PictureHost unreachableHost();

    @Test
    void aPictureIsDownloadedWithItsDeclaredType() {
        byte[] bytes = SampleImages.jpeg("jack");
        answer(PICTURE, 200, "image/jpeg", bytes);

        PictureDownload download = host().download(PICTURE);

        var downloaded = assertInstanceOf(PictureDownload.Downloaded.class, download);
        assertEquals("image/jpeg", downloaded.contentType());
        assertArrayEquals(bytes, downloaded.body());
    }

    @Test
    void theDefaultPictureIsDownloadedFromItsOwnHost() {
        byte[] bytes = SampleImages.bytes(ImageType.PNG, "default");
        answer(DEFAULT_PICTURE, 200, "image/png", bytes);

        var downloaded = assertInstanceOf(PictureDownload.Downloaded.class, host().download(DEFAULT_PICTURE));

        assertArrayEquals(bytes, downloaded.body());
    }

    @Test
    void whatIsDeclaredIsPassedOnUnjudged() {
        byte[] html = "<!DOCTYPE html><title>Nope</title>".getBytes(StandardCharsets.UTF_8);
        answer(PICTURE, 200, "text/html; charset=utf-8", html);

        var downloaded = assertInstanceOf(PictureDownload.Downloaded.class, host().download(PICTURE));

        assertEquals("text/html; charset=utf-8", downloaded.contentType());
        assertArrayEquals(html, downloaded.body());
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 410, 403, 400, 301, 302})
    void anAnswerThatIsNoPictureIsRefused(int status) {
        answer(PICTURE, status, "text/html", "<html>gone</html>".getBytes(StandardCharsets.UTF_8));

        PictureDownload download = host().download(PICTURE);

        var refused = assertInstanceOf(PictureDownload.Refused.class, download);
        assertTrue(refused.detail().contains(Integer.toString(status)), refused.detail());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 429, 408})
    void anAnswerSayingTryLaterIsUnavailable(int status) {
        answer(PICTURE, status, "text/html", "<html>busy</html>".getBytes(StandardCharsets.UTF_8));

        assertThrows(PictureHostUnavailableException.class, () -> host().download(PICTURE));
    }

    @Test
    void aBodyOfTheLargestSizeKeptIsDownloadedAndOneByteMoreIsRefused() {
        byte[] largest = Arrays.copyOf(SampleImages.jpeg("large"), Image.MAX_BYTES);
        PictureUrl other = PictureUrl.of("https://pbs.twimg.com/profile_images/2/large_400x400.jpg");
        answer(PICTURE, 200, "image/jpeg", largest);
        answer(other, 200, "image/jpeg", Arrays.copyOf(largest, Image.MAX_BYTES + 1));

        var downloaded = assertInstanceOf(PictureDownload.Downloaded.class, host().download(PICTURE));
        var refused = assertInstanceOf(PictureDownload.Refused.class, host().download(other));

        assertEquals(Image.MAX_BYTES, downloaded.body().length);
        assertTrue(refused.detail().contains(Integer.toString(Image.MAX_BYTES)), refused.detail());
    }

    @Test
    void anUnreachableHostIsUnavailable() {
        assertThrows(
                PictureHostUnavailableException.class, () -> unreachableHost().download(PICTURE));
    }
}
