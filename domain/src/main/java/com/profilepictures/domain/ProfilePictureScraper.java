package com.profilepictures.domain;

/**
 * Reads an account's current picture off X, one way ({@link ScrapeSource}). Every verdict about the
 * account or about X is a {@link ScrapeVerdict}; only a broken scraper (no browser) is an exception,
 * {@link ScraperUnavailableException}.
 */
public interface ProfilePictureScraper {

    /** Scrapes {@code handle}'s profile, answering by {@code deadline} (with at most a small, bounded overrun). */
    ScrapeVerdict scrape(Handle handle, Deadline deadline);
}
