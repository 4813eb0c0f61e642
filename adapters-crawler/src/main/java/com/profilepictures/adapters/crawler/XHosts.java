package com.profilepictures.adapters.crawler;

import com.profilepictures.domain.Handle;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which hosts are X's: those whose pages the crawler may be redirected to and whose profile URLs vouch for
 * an account (X's own, and the configured base URL's host, which stands in for X in tests and demos), and
 * those that serve X's images.
 */
final class XHosts {

    private static final Set<String> PAGE_HOSTS =
            Set.of("x.com", "www.x.com", "mobile.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com");
    private static final String IMAGE_DOMAIN = "twimg.com";
    // A profile's own address: one path segment, a valid handle; nothing after it but a slash.
    private static final Pattern PROFILE_PATH = Pattern.compile("/([A-Za-z0-9_]{1,15})/?");

    private final String baseHost;

    XHosts(URI baseUrl) {
        this.baseHost = hostOf(baseUrl);
    }

    /** Whether a redirect to {@code target} stays on X (https) or on the base URL's host. */
    boolean mayFollow(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        String host = hostOf(target);
        if (host.isEmpty() || !scheme.equals("https") && !scheme.equals("http")) {
            return false;
        }
        return host.equals(baseHost) || scheme.equals("https") && PAGE_HOSTS.contains(host);
    }

    /** The account a profile URL such as {@code https://x.com/Jack} names, if it is one, on X or the base host. */
    Optional<Handle> accountOf(String profileUrl) {
        URI uri;
        try {
            uri = new URI(profileUrl.trim());
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
        String host = hostOf(uri);
        if (!host.equals(baseHost) && !PAGE_HOSTS.contains(host) || uri.getRawPath() == null) {
            return Optional.empty();
        }
        Matcher path = PROFILE_PATH.matcher(uri.getRawPath());
        if (!path.matches()) {
            return Optional.empty();
        }
        return Optional.of(Handle.of(path.group(1)));
    }

    /** Whether {@code host} serves X's images ({@code pbs.twimg.com}, {@code abs.twimg.com}, …). */
    static boolean isImageHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals(IMAGE_DOMAIN) || name.endsWith("." + IMAGE_DOMAIN);
    }

    private static String hostOf(URI uri) {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }
}
