package com.profilepictures.adapters.picturehost;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where pictures' bytes are downloaded from: X's own hosts, or ({@code X_IMAGE_BASE_URL}) a site that serves
 * the same paths, for tests and the demo. Bootstrap reads the environment into this record.
 *
 * @param baseUrl when present, {@code https://pbs.twimg.com/…} and {@code https://abs.twimg.com/…} are
 *                fetched from {@code {baseUrl}/…}; stored URLs stay X's
 */
public record PictureHostSettings(Optional<URI> baseUrl) {

    public PictureHostSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl.ifPresent(PictureHostSettings::check);
        // One spelling, so that joining a picture's path never doubles or drops a slash.
        baseUrl = baseUrl.map(url -> URI.create(url.toString().replaceAll("/+$", "")));
    }

    /** X's own image hosts. */
    public static PictureHostSettings x() {
        return new PictureHostSettings(Optional.empty());
    }

    private static void check(URI url) {
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("X_IMAGE_BASE_URL must be an http or https URL: " + url);
        }
        if (url.getHost() == null
                || url.getRawQuery() != null
                || url.getRawFragment() != null
                || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "X_IMAGE_BASE_URL is a scheme, a host, an optional port and an optional path, nothing more: "
                            + url);
        }
    }
}
