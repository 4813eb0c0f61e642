package com.profilepictures.adapters.crawler;

import com.profilepictures.adapters.crawler.PageFetcher.Fetched;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import com.profilepictures.domain.scrape.XSite;
import java.net.http.HttpClient;
import java.util.Objects;

/**
 * Reads an account's picture the way link-preview crawlers do, with no browser: one plain GET of
 * {@code {X_BASE_URL}/intent/user?screen_name={handle}}, the page X renders on its server, whose head
 * carries the account's JSON-LD and Open Graph tags. It is conclusive only when that page vouches for the
 * account asked; anything else (no profile on the page, another account's, an HTTP error, a slow or
 * unreachable server, an oversized page) is {@link ScrapeVerdict.Undecided}, for the caller to decide.
 *
 * <p>One HTTP client serves every scrape, so a warm scrape reuses its connection to X. The client's threads
 * are daemons and it holds nothing else, so there is nothing to close.
 */
public final class CrawlerProfilePictureScraper implements ProfilePictureScraper {

    private final CrawlerSettings settings;
    private final PageFetcher fetcher;
    private final XSite site;

    public CrawlerProfilePictureScraper(CrawlerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        // Redirects are followed by hand, so that each one is checked against X's hosts.
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.fetcher = new PageFetcher(client, settings);
        this.site = new XSite(settings.baseUrl());
    }

    @Override
    public ScrapeVerdict scrape(Handle handle, Deadline deadline) {
        Fetched fetched = fetcher.fetch(settings.intentUrl(handle), deadline);
        return fetched.verdict(page -> ServerRenderedPage.parse(page.url(), page.body(), page.charset())
                .verdictFor(handle, site));
    }
}
