package com.profilepictures.adapters.crawler;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.httpexchange.BodyPrefix;
import com.profilepictures.httpexchange.HttpBaseUrl;
import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the crawler reaches X. Bootstrap reads these from the environment once; how long a crawl may take
 * is not here but in the deadline each scrape is given.
 *
 * @param baseUrl      X, or a stand-in for it: {@code {baseUrl}/intent/user?screen_name={handle}} is read
 * @param userAgent    the {@code User-Agent} sent; X decides which crawlers get server-rendered pages
 * @param maxBytes     the most of a page that is read; a longer page is not X's profile page
 * @param maxRedirects the most redirects followed for one page (each within {@code baseUrl}'s host or X's)
 */
public record CrawlerSettings(URI baseUrl, String userAgent, int maxBytes, int maxRedirects) {

    /** X's profile pages are a few hundred KiB; 2 MiB leaves room and bounds memory. */
    public static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

    public static final int DEFAULT_MAX_REDIRECTS = 5;

    // Printable ASCII only: anything else (a line break above all) could forge headers.
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7E]{1,512}");

    public CrawlerSettings {
        // Without a trailing slash, which would double up in "{baseUrl}/intent/user".
        baseUrl = HttpBaseUrl.checked(baseUrl);
        Objects.requireNonNull(userAgent, "userAgent");
        if (!HEADER_VALUE.matcher(userAgent).matches() || userAgent.isBlank()) {
            throw new IllegalArgumentException(
                    "userAgent must be 1 to 512 printable ASCII characters, not blank: '" + userAgent + "'");
        }
        BodyPrefix.checkedCap(maxBytes);
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("maxRedirects must be 0 to 20: " + maxRedirects);
        }
    }

    /** Reading {@code baseUrl} as {@code userAgent}, with the default byte cap and redirect limit. */
    public static CrawlerSettings of(URI baseUrl, String userAgent) {
        return new CrawlerSettings(baseUrl, userAgent, DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS);
    }

    /** The page X renders on its server for {@code handle}, for every handle (those starting with _ too). */
    URI intentUrl(Handle handle) {
        // A handle is [A-Za-z0-9_] only, so it needs no escaping in a query.
        return URI.create(baseUrl + "/intent/user?screen_name=" + handle.display());
    }
}
