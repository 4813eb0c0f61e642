package com.profilepictures.adapters.crawler;

import com.profilepictures.domain.scrape.XSite;
import java.net.URI;
import java.util.Locale;

/**
 * Where the crawler may be redirected: to X's own hosts over https, or to the configured base URL's host (which
 * stands in for X in tests and demos) over http or https. Which hosts are X's is the domain's {@link XSite}.
 */
final class XHosts {

    private final XSite site;

    XHosts(URI baseUrl) {
        this.site = new XSite(baseUrl);
    }

    /** Whether a redirect to {@code target} stays on X (https) or on the base URL's host. */
    boolean mayFollow(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (target.getHost() == null || !scheme.equals("https") && !scheme.equals("http")) {
            return false;
        }
        return site.isBaseHost(target.getHost()) || scheme.equals("https") && XSite.isOwnHost(target.getHost());
    }
}
