package com.profilepictures.adapters.picturehost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.application.testing.PictureHostContract;
import com.profilepictures.application.testing.SampleImages;
import com.profilepictures.domain.picture.Image;
import com.profilepictures.domain.picture.PictureDownload;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.port.PictureHost;
import com.profilepictures.domain.port.PictureHostUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The host contract, and what is particular to HTTP, against a local site serving X's picture paths. */
class HttpPictureHostTest extends PictureHostContract {

    // The adapter gives up after DOWNLOAD_TIMEOUT; the rest is slack for a loaded machine.
    private static final Duration WITHIN_TIMEOUT = HttpPictureHost.DOWNLOAD_TIMEOUT.plusSeconds(4);

    private final LocalImageSite site = new LocalImageSite();
    private final HttpPictureHost host = new HttpPictureHost(new PictureHostSettings(Optional.of(site.baseUrl())));

    @AfterEach
    void closeSite() {
        site.close();
    }

    @Override
    protected PictureHost host() {
        return host;
    }

    @Override
    protected void answer(PictureUrl picture, int status, String contentType, byte[] body) {
        site.answer(URI.create(picture.value()).getRawPath(), status, contentType, body);
    }

    @Override
    protected PictureHost unreachableHost() {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HttpPictureHost(new PictureHostSettings(Optional.of(URI.create("http://127.0.0.1:" + closedPort))));
    }

    @Test
    void bothOfXsHostsAreReadFromTheBaseUrlUnderTheirOwnPaths() {
        answer(PICTURE, 200, "image/jpeg", SampleImages.jpeg("a"));
        answer(DEFAULT_PICTURE, 200, "image/png", SampleImages.jpeg("b"));

        host.download(PICTURE);
        host.download(DEFAULT_PICTURE);

        assertEquals(
                List.of(
                        URI.create(PICTURE.value()).getPath(),
                        URI.create(DEFAULT_PICTURE.value()).getPath()),
                site.requested());
        assertEquals(
                "image/jpeg, image/png, image/gif, image/webp", site.accepts().get(0));
    }

    @Test
    void aBaseUrlWithAPathKeepsItAndATrailingSlashIsNotDoubled() {
        var settings = new PictureHostSettings(Optional.of(URI.create("http://127.0.0.1:8081/x-images/")));

        URI located = new HttpPictureHost(settings).locate(PICTURE);

        assertEquals(
                URI.create("http://127.0.0.1:8081/x-images"
                        + URI.create(PICTURE.value()).getPath()),
                located);
    }

    @Test
    void withoutABaseUrlPicturesAreReadFromXItself() {
        assertEquals(URI.create(PICTURE.value()), new HttpPictureHost(PictureHostSettings.x()).locate(PICTURE));
        assertEquals(
                URI.create(DEFAULT_PICTURE.value()),
                new HttpPictureHost(PictureHostSettings.x()).locate(DEFAULT_PICTURE));
    }

    @Test
    void aBaseUrlIsAnHttpUrlWithoutQueryOrFragment() {
        for (String bad : List.of(
                "ftp://example.com",
                "file:///tmp",
                "http://example.com/?a=b",
                "http://example.com/#x",
                "http://user@example.com",
                "/relative")) {
            assertThrows(
                    IllegalArgumentException.class, () -> new PictureHostSettings(Optional.of(URI.create(bad))), bad);
        }
    }

    @Test
    void aRedirectIsNotFollowed() {
        site.answerWithHeaders(
                URI.create(PICTURE.value()).getRawPath(), 302, Map.of("Location", "/elsewhere.jpg"), new byte[0]);
        site.answer("/elsewhere.jpg", 200, "image/jpeg", SampleImages.jpeg("elsewhere"));

        var refused = assertInstanceOf(PictureDownload.Refused.class, host.download(PICTURE));

        assertTrue(refused.detail().contains("302"), refused.detail());
        assertEquals(List.of(URI.create(PICTURE.value()).getPath()), site.requested());
    }

    @Test
    void aBodyWithoutDeclaredLengthIsCutOffPastTheLimit() {
        site.answerChunked(
                URI.create(PICTURE.value()).getRawPath(),
                "image/jpeg",
                Arrays.copyOf(SampleImages.jpeg("huge"), 5 * 1024 * 1024));

        var refused = assertInstanceOf(PictureDownload.Refused.class, host.download(PICTURE));

        assertTrue(refused.detail().contains(Integer.toString(Image.MAX_BYTES)), refused.detail());
    }

    @Test
    void aBodyWithoutDeclaredLengthWithinTheLimitIsRead() {
        byte[] bytes = Arrays.copyOf(SampleImages.jpeg("chunked"), 300_000);
        site.answerChunked(URI.create(PICTURE.value()).getRawPath(), "image/jpeg", bytes);

        var downloaded = assertInstanceOf(PictureDownload.Downloaded.class, host.download(PICTURE));

        assertArrayEquals(bytes, downloaded.body());
    }

    @Test
    void aHostThatAcceptsButNeverAnswersIsUnavailableWithinTheTimeout() throws IOException {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(
                    () -> {
                        try {
                            while (true) {
                                held.add(silent.accept());
                            }
                        } catch (IOException closed) {
                            // The test is over.
                        }
                    },
                    "silent-host");
            acceptor.setDaemon(true);
            acceptor.start();
            var silentHost = new HttpPictureHost(
                    new PictureHostSettings(Optional.of(URI.create("http://127.0.0.1:" + silent.getLocalPort()))));

            Duration elapsed = timeFailure(() -> silentHost.download(PICTURE));

            assertTrue(elapsed.compareTo(WITHIN_TIMEOUT) < 0, "took " + elapsed);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aHostThatStopsMidBodyIsUnavailableWithinTheTimeout() {
        site.stallMidBody(
                URI.create(PICTURE.value()).getRawPath(),
                "image/jpeg",
                Arrays.copyOf(SampleImages.jpeg("slow"), 100_000));

        Duration elapsed = timeFailure(() -> host.download(PICTURE));

        assertTrue(elapsed.compareTo(WITHIN_TIMEOUT) < 0, "took " + elapsed);
    }

    private static Duration timeFailure(Runnable download) {
        long started = System.nanoTime();
        var thrown = assertThrows(PictureHostUnavailableException.class, download::run);
        assertTrue(thrown.getMessage().startsWith("X's image host"), thrown.getMessage());
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
