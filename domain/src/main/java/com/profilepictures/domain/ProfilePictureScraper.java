package com.profilepictures.domain;

/**
 * Reads an account's current picture off X. Every verdict about the account or about X is a
 * {@link ScrapeOutcome}; only a broken scraper (no browser) is an exception,
 * {@link ScraperUnavailableException}.
 */
public interface ProfilePictureScraper {

    /** Scrapes {@code handle}'s profile page, within the scraper's configured deadline. */
    ScrapeOutcome scrape(Handle handle);
}
