package com.profilepictures.bootstrap.scrape;

import com.profilepictures.adapters.selenium.SeleniumProfilePictureScraper;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.port.ProfilePictureScraper;
import com.profilepictures.domain.scrape.Deadline;
import com.profilepictures.domain.scrape.ScrapeVerdict;
import java.util.function.Supplier;

/**
 * The browser source, built on the first scrape that needs it: a process whose scrapes the crawler
 * decides never loads Selenium's classes or starts a browser pool, which keeps its cold start a
 * crawler's. Closing closes the pool only if there is one.
 */
final class BrowserOnDemand implements ProfilePictureScraper, AutoCloseable {

    private final Supplier<SeleniumProfilePictureScraper> factory;
    private SeleniumProfilePictureScraper browser;
    private boolean closed;

    BrowserOnDemand(Supplier<SeleniumProfilePictureScraper> factory) {
        this.factory = factory;
    }

    @Override
    public ScrapeVerdict scrape(Handle handle, Deadline deadline) {
        return browser().scrape(handle, deadline);
    }

    /** Whether a browser pool was ever built. */
    synchronized boolean started() {
        return browser != null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (browser != null) {
            browser.close();
        }
    }

    private synchronized SeleniumProfilePictureScraper browser() {
        if (closed) {
            throw new IllegalStateException("The scraper has been closed.");
        }
        if (browser == null) {
            browser = factory.get();
        }
        return browser;
    }
}
