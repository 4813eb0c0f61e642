package com.profilepictures.domain.scrape;

import com.profilepictures.domain.picture.Handle;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where X's pages are: X's own hosts, and the host of the base URL a source reads X at (X itself, or a stand-in
 * for it in tests and demos). Only a page there can name an account.
 *
 * @param baseUrl where the sources read X, e.g. {@code https://x.com}
 */
public record XSite(URI baseUrl) {

    private static final Set<String> OWN_HOSTS =
            Set.of("x.com", "www.x.com", "mobile.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com");
    // A profile's own address: one path segment, a valid handle; nothing after it but a slash.
    private static final Pattern PROFILE_PATH = Pattern.compile("/([A-Za-z0-9_]{1,15})/?");

    public XSite {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (baseUrl.getHost() == null) {
            throw new IllegalArgumentException("X's base URL needs a host: " + baseUrl);
        }
    }

    /** Whether {@code host} is one of X's own (any capitalisation), not the base URL's. */
    public static boolean isOwnHost(String host) {
        return host != null && OWN_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code host} is the base URL's (any capitalisation). */
    public boolean isBaseHost(String host) {
        return host != null && host.equalsIgnoreCase(baseUrl.getHost());
    }

    /**
     * The account whose profile page {@code url} is (an absolute http(s) URL such as {@code https://x.com/Jack},
     * on X's hosts or the base URL's), in the URL's spelling; empty for any other page: a post, a photo, a
     * search, another site's.
     */
    public Optional<Handle> profileAt(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || url.getRawPath() == null) {
            return Optional.empty();
        }
        if (!isOwnHost(url.getHost()) && !isBaseHost(url.getHost())) {
            return Optional.empty();
        }
        Matcher path = PROFILE_PATH.matcher(url.getRawPath());
        return path.matches() ? Optional.of(Handle.of(path.group(1))) : Optional.empty();
    }
}
