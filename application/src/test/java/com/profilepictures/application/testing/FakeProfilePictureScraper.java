package com.profilepictures.application.testing;

import com.profilepictures.domain.Handle;
import com.profilepictures.domain.PictureUrl;
import com.profilepictures.domain.ProfilePictureScraper;
import com.profilepictures.domain.ScrapeOutcome;
import com.profilepictures.domain.ScraperUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The scraper port without a browser: it answers what the test told it for each account, and
 * {@link ScrapeOutcome.AccountNotFound} for any other. It records which handles it was asked for.
 */
public final class FakeProfilePictureScraper implements ProfilePictureScraper {

    private final Map<String, ScrapeOutcome> outcomes = new ConcurrentHashMap<>();
    private final List<Handle> requested = new CopyOnWriteArrayList<>();
    private volatile boolean broken;

    /** The account exists, is spelt {@code canonical} on its page, and has {@code picture}. */
    public FakeProfilePictureScraper withPicture(String canonical, String picture) {
        Handle handle = Handle.of(canonical);
        outcomes.put(handle.key(), new ScrapeOutcome.Found(handle, PictureUrl.of(picture)));
        return this;
    }

    /** Scraping {@code handle} ends with {@code outcome}. */
    public FakeProfilePictureScraper withOutcome(String handle, ScrapeOutcome outcome) {
        outcomes.put(Handle.of(handle).key(), outcome);
        return this;
    }

    /** From now on the browser cannot start: every scrape throws {@link ScraperUnavailableException}. */
    public void breakBrowser() {
        broken = true;
    }

    public void repairBrowser() {
        broken = false;
    }

    public List<Handle> requested() {
        return List.copyOf(requested);
    }

    @Override
    public ScrapeOutcome scrape(Handle handle) {
        requested.add(handle);
        if (broken) {
            throw new ScraperUnavailableException("The fake browser is broken (test fault).", null);
        }
        return outcomes.getOrDefault(handle.key(),
                new ScrapeOutcome.AccountNotFound("This account doesn’t exist"));
    }
}
