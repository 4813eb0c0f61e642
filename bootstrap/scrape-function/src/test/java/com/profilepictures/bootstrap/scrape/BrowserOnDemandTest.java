package com.profilepictures.bootstrap.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.profilepictures.adapters.selenium.SeleniumProfilePictureScraper;
import com.profilepictures.adapters.selenium.SeleniumSettings;
import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.port.ScraperUnavailableException;
import com.profilepictures.domain.scrape.Deadline;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserOnDemandTest {

    @TempDir
    Path workRoot;

    private final AtomicInteger built = new AtomicInteger();

    private BrowserOnDemand browserWithoutChromium() {
        // No such binary: a launch fails at once, which is all a test of when the pool is built needs.
        var settings = new SeleniumSettings(
                URI.create("http://127.0.0.1:9"),
                Duration.ofSeconds(5),
                workRoot.resolve("no-chromium"),
                workRoot.resolve("no-chromedriver"),
                1,
                workRoot);
        return new BrowserOnDemand(() -> {
            built.incrementAndGet();
            return new SeleniumProfilePictureScraper(settings);
        });
    }

    @Test
    void nothingIsBuiltUntilAScrapeNeedsTheBrowserAndClosingThenHasNothingToClose() {
        BrowserOnDemand browser = browserWithoutChromium();

        browser.close();

        assertFalse(browser.started());
        assertEquals(0, built.get());
    }

    @Test
    void theFirstScrapeBuildsThePoolOnceAndCloseClosesIt() {
        BrowserOnDemand browser = browserWithoutChromium();

        assertThrows(
                ScraperUnavailableException.class,
                () -> browser.scrape(Handle.of("jack"), Deadline.after(Duration.ofSeconds(5))));
        assertThrows(
                ScraperUnavailableException.class,
                () -> browser.scrape(Handle.of("jill"), Deadline.after(Duration.ofSeconds(5))));
        browser.close();

        assertTrue(browser.started());
        assertEquals(1, built.get());
        assertThrows(
                IllegalStateException.class,
                () -> browser.scrape(Handle.of("jack"), Deadline.after(Duration.ofSeconds(5))));
    }
}
