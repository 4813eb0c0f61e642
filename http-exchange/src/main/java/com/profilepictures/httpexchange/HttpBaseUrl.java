package com.profilepictures.httpexchange;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** The one check of a configured base URL that paths are appended to, as the crawler's and the X API's. */
public final class HttpBaseUrl {

    private HttpBaseUrl() {}

    /**
     * {@code baseUrl} if it is an absolute http(s) URL with a host and no query or fragment, without trailing
     * slashes (they would double up in "{baseUrl}/path").
     *
     * @throws IllegalArgumentException naming the URL otherwise
     */
    public static URI checked(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")
                || baseUrl.getHost() == null
                || baseUrl.getRawQuery() != null
                || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL without query: " + baseUrl);
        }
        String text = baseUrl.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }
}
