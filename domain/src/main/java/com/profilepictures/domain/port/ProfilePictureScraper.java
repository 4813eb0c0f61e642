package com.profilepictures.domain.port;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeSource;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an account's current picture off X, one way ({@link ScrapeSource}). Every verdict about the
 * account or about X is a {@link ScrapeVerdict}; only a broken scraper (no browser) is an exception,
 * {@link ScraperUnavailableException}.
 */
public interface ProfilePictureScraper {

    /** Scrapes {@code handle}'s profile, answering by {@code deadline} (with at most a small, bounded overrun). */
    ScrapeVerdict scrape(Handle handle, Deadline deadline);

    /**
     * Scrapes every account in {@code handles} by one shared {@code deadline}: one verdict per account, keyed
     * by the handle as first asked (handles that differ only in case are one account, asked once), in the
     * order asked. A source that reads one profile at a time answers them one by one, as this default does;
     * one that can ask about many accounts at once (X's API) overrides it.
     */
    default Map<Handle, ScrapeVerdict> scrapeAll(List<Handle> handles, Deadline deadline) {
        Map<Handle, ScrapeVerdict> verdicts = new LinkedHashMap<>();
        for (Handle handle : handles) {
            if (!verdicts.containsKey(handle)) {
                verdicts.put(handle, scrape(handle, deadline));
            }
        }
        return verdicts;
    }
}
