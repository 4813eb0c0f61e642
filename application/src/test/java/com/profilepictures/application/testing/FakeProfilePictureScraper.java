package com.profilepictures.application.testing;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.PictureUrl;
import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.domain.port.ScraperUnavailableException;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The scraper port without X: it answers what the test told it for each account, and
 * {@link ScrapeVerdict.AccountNotFound} (or the verdict given to {@link #otherwise}) for any other. It
 * records which handles it was asked for, and with which deadlines.
 */
public final class FakeProfilePictureScraper implements ProfilePictureScraper {

    private final Map<String, ScrapeVerdict> verdicts = new ConcurrentHashMap<>();
    private final List<Handle> requested = new CopyOnWriteArrayList<>();
    private final List<Deadline> deadlines = new CopyOnWriteArrayList<>();
    private volatile ScrapeVerdict otherwise = new ScrapeVerdict.AccountNotFound("This account doesn’t exist");
    private volatile boolean broken;

    /** The account exists, is spelt {@code canonical} on its page, and has {@code picture}. */
    public FakeProfilePictureScraper withPicture(String canonical, String picture) {
        Handle handle = Handle.of(canonical);
        verdicts.put(handle.key(), new ScrapeVerdict.Found(handle, PictureUrl.of(picture)));
        return this;
    }

    /** Scraping {@code handle} ends with {@code verdict}. */
    public FakeProfilePictureScraper withVerdict(String handle, ScrapeVerdict verdict) {
        verdicts.put(Handle.of(handle).key(), verdict);
        return this;
    }

    /** Scraping an account the test named nothing for ends with {@code verdict}. */
    public FakeProfilePictureScraper otherwise(ScrapeVerdict verdict) {
        otherwise = verdict;
        return this;
    }

    /** From now on the browser cannot start: every scrape throws {@link ScraperUnavailableException}. */
    public void breakBrowser() {
        broken = true;
    }

    public List<Handle> requested() {
        return List.copyOf(requested);
    }

    /** The deadline each scrape was given, in order. */
    public List<Deadline> deadlines() {
        return List.copyOf(deadlines);
    }

    @Override
    public ScrapeVerdict scrape(Handle handle, Deadline deadline) {
        requested.add(handle);
        deadlines.add(deadline);
        if (broken) {
            throw new ScraperUnavailableException("The fake browser is broken (test fault).", null);
        }
        return verdicts.getOrDefault(handle.key(), otherwise);
    }
}
