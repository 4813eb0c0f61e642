package com.profilepictures.adapters.selenium;

import com.profilepictures.application.testing.ProfilePictureScraperContract;
import com.profilepictures.domain.port.ProfilePictureScraper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser keeps the scraper port's contract, against the stand-in X site in real headless Chromium:
 * where the crawler and the browser can both tell, they tell the same (eight concurrent scrapes included).
 */
class SeleniumScraperContractTest extends ProfilePictureScraperContract {

    @TempDir
    static Path workRoot;

    @Override
    protected ProfilePictureScraper scraperFor(URI baseUrl) {
        var scraper = new SeleniumProfilePictureScraper(TestBrowsers.settings(baseUrl, 3, workRoot));
        // As a deployed function's init leaves it: the contract times scrapes, and Chromium's first start on a
        // loaded machine can take longer than a short deadline (BrowserLifecycleTest covers starting).
        scraper.warmUp();
        return scraper;
    }

    @Override
    protected Duration allowedOverrun() {
        return TestBrowsers.OVERRUN_ALLOWED;
    }
}
