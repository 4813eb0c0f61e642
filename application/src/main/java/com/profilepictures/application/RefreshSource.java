package com.profilepictures.application;

import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.domain.scrape.ScrapeSource;
import java.util.Objects;

/**
 * The one source a refresh asks, and how many accounts one call to it reads: X's API answers up to a hundred
 * accounts a request, the crawler and the browser read one page per account. The workers ask a browserless
 * source; only the browser's own queue, for the accounts their pages cannot tell, asks the browser.
 */
public record RefreshSource(ScrapeSource source, ProfilePictureScraper scraper, int accountsPerCall) {

    /** What X API v2 user lookup takes in one request. */
    public static final int X_API_ACCOUNTS_PER_CALL = 100;

    public RefreshSource {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(scraper, "scraper");
        if (source == ScrapeSource.BROWSER && accountsPerCall != 1) {
            throw new IllegalArgumentException("A browser reads one page per account: " + accountsPerCall);
        }
        if (accountsPerCall < 1 || accountsPerCall > X_API_ACCOUNTS_PER_CALL) {
            throw new IllegalArgumentException(
                    "One call reads 1 to " + X_API_ACCOUNTS_PER_CALL + " accounts: " + accountsPerCall);
        }
    }

    /** X's API, a hundred accounts a request. */
    public static RefreshSource xApi(ProfilePictureScraper scraper) {
        return new RefreshSource(ScrapeSource.X_API, scraper, X_API_ACCOUNTS_PER_CALL);
    }

    /** The browser, one page per account: for the accounts only a browser can tell, on their own queue. */
    public static RefreshSource browser(ProfilePictureScraper scraper) {
        return new RefreshSource(ScrapeSource.BROWSER, scraper, 1);
    }

    /**
     * This source asking X at most {@code requestsPerMinute} times a minute ({@link PacedScraper}): a call is
     * one request, whatever number of accounts it reads.
     */
    public RefreshSource paced(int requestsPerMinute) {
        return new RefreshSource(source, new PacedScraper(scraper, requestsPerMinute), accountsPerCall);
    }

    /** The crawler, one page per account. */
    public static RefreshSource crawler(ProfilePictureScraper scraper) {
        return new RefreshSource(ScrapeSource.CRAWLER, scraper, 1);
    }
}
