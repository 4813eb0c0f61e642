package com.profilepictures.adapters.picturehost;

import com.profilepictures.domain.picture.Image;
import com.profilepictures.domain.picture.PictureDownload;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.port.PictureHost;
import com.profilepictures.domain.port.PictureHostUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * X's image host over HTTP, with the JDK's client. A download is bounded: {@link #CONNECT_TIMEOUT} to
 * connect, {@link #DOWNLOAD_TIMEOUT} for the whole answer, body included, and {@link Image#MAX_BYTES} read at
 * most. Redirects are not followed: a picture URL that sends elsewhere is no picture to keep, and following
 * would let the host choose where this function connects to.
 */
public final class HttpPictureHost implements PictureHost {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** The longest one download may take, from connecting to the last byte. */
    public static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(6);

    // The kinds the archive keeps, so that a host choosing by Accept never picks another (AVIF, say).
    private static final String ACCEPT = "image/jpeg, image/png, image/gif, image/webp";

    private final PictureHostSettings settings;
    private final HttpClient client;

    public HttpPictureHost(PictureHostSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public PictureDownload download(PictureUrl picture) {
        URI location = locate(picture);
        HttpRequest request = HttpRequest.newBuilder(location)
                .timeout(DOWNLOAD_TIMEOUT)
                .header("Accept", ACCEPT)
                .GET()
                .build();
        HttpResponse<WholeBodyOrNothing.Read> response = send(request, picture);
        int status = response.statusCode();
        if (status == 408 || status == 429 || status >= 500) {
            throw new PictureHostUnavailableException(
                    "X's image host answered " + status + " for " + picture + ": try again later.", null);
        }
        if (status != 200) {
            return new PictureDownload.Refused("X's image host answered " + status + " for " + picture + ".");
        }
        if (response.body().overLimit()) {
            return new PictureDownload.Refused(
                    "X's image host sent more than " + Image.MAX_BYTES + " bytes for " + picture + ".");
        }
        return new PictureDownload.Downloaded(
                response.headers().firstValue("Content-Type").orElse(null),
                response.body().bytes());
    }

    /** Where {@code picture} is downloaded from: X's own URL, or the same path on the configured base URL. */
    URI locate(PictureUrl picture) {
        URI url = URI.create(picture.value());
        return settings.baseUrl()
                .map(base -> URI.create(base + url.getRawPath()))
                .orElse(url);
    }

    private HttpResponse<WholeBodyOrNothing.Read> send(HttpRequest request, PictureUrl picture) {
        CompletableFuture<HttpResponse<WholeBodyOrNothing.Read>> answer =
                client.sendAsync(request, HttpPictureHost::body);
        try {
            // The request's own timeout ends with the headers; this one covers a body that trickles too.
            return answer.get(DOWNLOAD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new PictureHostUnavailableException(
                    "X's image host did not answer " + picture + " within " + DOWNLOAD_TIMEOUT.toSeconds() + " s.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException unreachable) {
                throw new PictureHostUnavailableException(
                        "X's image host could not be reached for " + picture + ": "
                                + unreachable.getClass().getSimpleName(),
                        unreachable);
            }
            throw new IllegalStateException("Downloading " + picture + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new PictureHostUnavailableException("Interrupted while downloading " + picture + ".", e);
        }
    }

    /** Only a 200's body is read, and then only up to the limit; a declared length over it is not read at all. */
    private static HttpResponse.BodySubscriber<WholeBodyOrNothing.Read> body(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200) {
            return WholeBodyOrNothing.skipped(false);
        }
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(0);
        return declared > Image.MAX_BYTES ? WholeBodyOrNothing.skipped(true) : WholeBodyOrNothing.upTo(Image.MAX_BYTES);
    }
}
