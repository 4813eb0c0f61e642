package com.profilepictures.adapters.xapi;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.httpexchange.BodyPrefix;
import com.profilepictures.httpexchange.HttpBaseUrl;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How the {@code x_api} source reaches X's API. Bootstrap reads these from the environment once; how long a
 * lookup may take is not here but in the deadline each is given. The record's {@code toString()} shows the token
 * redacted, as {@link BearerToken} does.
 *
 * @param baseUrl  X's API, or a stand-in for it: {@code {baseUrl}/2/users/by…} is asked
 * @param token    the operator's app-only bearer token
 * @param maxBytes the most of an answer that is read; a hundred users are a few tens of KiB
 */
public record XApiSettings(URI baseUrl, BearerToken token, int maxBytes) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.x.com");

    /** 1 MiB: far more than a hundred users' answer, and a bound on memory. */
    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;

    /** The most usernames one request of X's batch lookup takes. */
    public static final int MAX_USERNAMES_PER_REQUEST = 100;

    public XApiSettings {
        baseUrl = HttpBaseUrl.checked(baseUrl);
        Objects.requireNonNull(token, "token");
        BodyPrefix.checkedCap(maxBytes);
    }

    /** Asking {@code baseUrl} with {@code token}, with the default byte cap. */
    public static XApiSettings of(URI baseUrl, BearerToken token) {
        return new XApiSettings(baseUrl, token, DEFAULT_MAX_BYTES);
    }

    /** One account: {@code /2/users/by/username/{handle}?user.fields=profile_image_url}. */
    URI oneUrl(Handle handle) {
        // A handle is [A-Za-z0-9_] only, so it needs no escaping in a path or a query.
        return URI.create(baseUrl + "/2/users/by/username/" + handle.display() + "?user.fields=profile_image_url");
    }

    /** Up to {@link #MAX_USERNAMES_PER_REQUEST}: {@code /2/users/by?usernames=a,b,…&user.fields=profile_image_url}. */
    URI batchUrl(List<Handle> handles) {
        if (handles.isEmpty() || handles.size() > MAX_USERNAMES_PER_REQUEST) {
            throw new IllegalArgumentException("One request asks 1 to 100 usernames, not " + handles.size());
        }
        return URI.create(baseUrl + "/2/users/by?usernames="
                + handles.stream().map(Handle::display).collect(Collectors.joining(","))
                + "&user.fields=profile_image_url");
    }
}
