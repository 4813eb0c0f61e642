package com.profilepictures.application;

import com.profilepictures.domain.ProfilePictureScraper;
import com.profilepictures.domain.ScrapeSource;
import java.util.Objects;

/**
 * The one browserless source a refresh asks, and how many accounts one call to it reads: X's API answers up to
 * a hundred accounts a request, the crawler reads one page per account.
 */
public record RefreshSource(ScrapeSource source, ProfilePictureScraper scraper, int accountsPerCall) {

    /** What X API v2 user lookup takes in one request. */
    public static final int X_API_ACCOUNTS_PER_CALL = 100;

    public RefreshSource {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(scraper, "scraper");
        if (source == ScrapeSource.BROWSER) {
            throw new IllegalArgumentException(
                    "A refresh asks browserless sources only; the browser has its own queue.");
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

    /** The crawler, one page per account. */
    public static RefreshSource crawler(ProfilePictureScraper scraper) {
        return new RefreshSource(ScrapeSource.CRAWLER, scraper, 1);
    }
}
